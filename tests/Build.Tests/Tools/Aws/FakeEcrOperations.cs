using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>The ECR operations the fake serves, with ECR's answers and error codes.</summary>
public sealed partial class FakeEcr
{
    private (int Status, string Body, string? Reason) Serve(string operation, JsonNode? request) => operation switch
    {
        "GetAuthorizationToken" => Ok(GetAuthorizationToken()),
        "DescribeRepositories" => DescribeRepositories(request),
        "DescribeImages" => WithRepository(request, repository => DescribeImages(repository, request!)),
        "DescribeImageScanFindings" => WithRepository(request, repository => DescribeImageScanFindings(repository, request!)),
        "BatchGetImage" => WithRepository(request, repository => BatchGetImage(repository, request!)),
        "PutImage" => WithRepository(request, repository => PutImage(repository, request!)),
        _ => (400, Error("UnknownOperationException", $"Unknown operation '{operation}'."), "unknown operation"),
    };

    private JsonObject GetAuthorizationToken() => new()
    {
        ["authorizationData"] = new JsonArray(new JsonObject
        {
            ["authorizationToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"AWS:{IssuedPassword}")),
            ["expiresAt"] = TokenExpiresAt.ToUnixTimeMilliseconds() / 1000.0,
            ["proxyEndpoint"] = ProxyEndpoint,
        }),
    };

    private (int, string, string?) DescribeRepositories(JsonNode? request)
    {
        var names = request?["repositoryNames"]?.AsArray().Select(name => name!.GetValue<string>()).ToList();
        List<FakeEcrRepository> found;
        lock (_gate)
        {
            var missing = names?.FirstOrDefault(name => !_repositories.ContainsKey(name));
            if (missing is not null)
            {
                return RepositoryNotFound(missing);
            }

            found = names is null ? [.. _repositories.Values] : [.. names.Select(name => _repositories[name])];
        }

        return Ok(new JsonObject
        {
            ["repositories"] = new JsonArray([.. found.Select(repository => (JsonNode)new JsonObject
            {
                ["repositoryArn"] = $"arn:aws:ecr:{Region}:{AccountId}:repository/{repository.Name}",
                ["registryId"] = AccountId,
                ["repositoryName"] = repository.Name,
                ["repositoryUri"] = repository.Uri,
                ["createdAt"] = 1.7e9,
                ["imageTagMutability"] = repository.ImmutableTags ? "IMMUTABLE" : "MUTABLE",
                ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = repository.ScanOnPush is not null },
            })]),
        });
    }

    private static (int, string, string?) DescribeImages(FakeEcrRepository repository, JsonNode request)
    {
        var id = request["imageIds"]![0]!;
        var image = repository.Find(id["imageDigest"]?.GetValue<string>(), id["imageTag"]?.GetValue<string>());
        if (image is null)
        {
            return ImageNotFound(repository, id);
        }

        var detail = new JsonObject
        {
            ["registryId"] = AccountId,
            ["repositoryName"] = repository.Name,
            ["imageDigest"] = image.Digest,
            ["imageTags"] = new JsonArray([.. image.Tags.Select(tag => (JsonNode)tag)]),
            ["imageSizeInBytes"] = image.SizeInBytes,
            ["imagePushedAt"] = 1_718_210_311.123,
            ["imageManifestMediaType"] = image.MediaType,
        };
        if (image.Scan is { } scan)
        {
            detail["imageScanStatus"] = new JsonObject { ["status"] = Pending(scan) ? "IN_PROGRESS" : scan.FinalStatus, ["description"] = "The scan was started." };
        }

        return Ok(new JsonObject { ["imageDetails"] = new JsonArray(detail) });
    }

    private (int, string, string?) DescribeImageScanFindings(FakeEcrRepository repository, JsonNode request)
    {
        var id = request["imageId"]!;
        var image = repository.Find(id["imageDigest"]?.GetValue<string>(), id["imageTag"]?.GetValue<string>());
        if (image is null)
        {
            return ImageNotFound(repository, id);
        }

        if (image.Scan is not { } scan)
        {
            return (400, Error("ScanNotFoundException", $"Image scan does not exist for the image with '{{imageDigest:'{image.Digest}', imageTag:'null'}}' in the repository with name '{repository.Name}' in the registry with id '{AccountId}'"), null);
        }

        var start = int.Parse(request["nextToken"]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
        if (start == 0)
        {
            scan.Polls++;
        }

        var answer = new JsonObject { ["registryId"] = AccountId, ["repositoryName"] = repository.Name, ["imageId"] = new JsonObject { ["imageDigest"] = image.Digest } };
        if (Pending(scan))
        {
            answer["imageScanStatus"] = new JsonObject { ["status"] = "IN_PROGRESS", ["description"] = "The scan is in progress." };
            return Ok(answer);
        }

        var failed = scan.FinalStatus == "FAILED";
        answer["imageScanStatus"] = new JsonObject
        {
            ["status"] = scan.FinalStatus,
            ["description"] = failed ? "UnsupportedImageError: The operating system and/or package manager are not supported." : "The scan was completed successfully.",
        };
        var pageSize = Math.Min(FindingsPageSize, request["maxResults"]?.GetValue<int>() ?? 100);
        var page = scan.Findings.Skip(start).Take(pageSize).ToList();
        var findings = new JsonObject
        {
            ["imageScanCompletedAt"] = 1_718_210_400.5,
            ["vulnerabilitySourceUpdatedAt"] = 1_718_200_000,
            ["findingSeverityCounts"] = new JsonObject([.. scan.Findings.GroupBy(finding => finding.Severity)
                .Select(group => KeyValuePair.Create(group.Key, (JsonNode?)group.Count()))]),
            [scan.Enhanced ? "enhancedFindings" : "findings"] = new JsonArray([.. page.Select(finding => (JsonNode)(scan.Enhanced ? EnhancedFinding(finding) : BasicFinding(finding)))]),
        };
        answer["imageScanFindings"] = findings;
        if (start + pageSize < scan.Findings.Count)
        {
            answer["nextToken"] = (start + pageSize).ToString(CultureInfo.InvariantCulture);
        }

        return Ok(answer);
    }

    private static (int, string, string?) BatchGetImage(FakeEcrRepository repository, JsonNode request)
    {
        var id = request["imageIds"]![0]!;
        var accepted = request["acceptedMediaTypes"]?.AsArray().Select(type => type!.GetValue<string>()).ToList() ?? [];
        var image = repository.Find(id["imageDigest"]?.GetValue<string>(), id["imageTag"]?.GetValue<string>());
        var answer = new JsonObject { ["images"] = new JsonArray(), ["failures"] = new JsonArray() };
        if (image is null)
        {
            answer["failures"]!.AsArray().Add(new JsonObject { ["imageId"] = id.DeepClone(), ["failureCode"] = "ImageNotFound", ["failureReason"] = "Requested image not found" });
        }
        else if (!accepted.Contains(image.MediaType))
        {
            // Real ECR would convert the manifest to schema 1 (a new digest); the fake refuses, so the client must ask.
            answer["failures"]!.AsArray().Add(new JsonObject { ["imageId"] = id.DeepClone(), ["failureCode"] = "UnsupportedImageType", ["failureReason"] = $"{image.MediaType} not accepted" });
        }
        else
        {
            answer["images"]!.AsArray().Add(new JsonObject
            {
                ["registryId"] = AccountId,
                ["repositoryName"] = repository.Name,
                ["imageId"] = new JsonObject { ["imageDigest"] = image.Digest },
                ["imageManifest"] = image.Manifest,
                ["imageManifestMediaType"] = image.MediaType,
            });
        }

        return Ok(answer);
    }

    private (int, string, string?) PutImage(FakeEcrRepository repository, JsonNode request)
    {
        var manifest = request["imageManifest"]!.GetValue<string>();
        var tag = request["imageTag"]!.GetValue<string>();
        var digest = FakeEcrRepository.DigestOf(manifest);
        if (request["imageDigest"]?.GetValue<string>() is { } claimed && claimed != digest)
        {
            return (400, Error("ImageDigestDoesNotMatchException", $"The digest {claimed} does not match the digest of the manifest {digest}."), null);
        }

        var image = repository.Find(digest, null);
        if (image is null)
        {
            return (400, Error("LayersNotFoundException", "The image's layers were not pushed to the repository."), null);
        }

        if (image.Tags.Contains(tag))
        {
            return (400, Error("ImageAlreadyExistsException", $"Image with digest '{digest}' and tag '{tag}' already exists in the repository with name '{repository.Name}' in registry with id '{AccountId}'"), null);
        }

        if (repository.ImmutableTags && repository.Find(null, tag) is not null)
        {
            return (400, Error("ImageTagAlreadyExistsException", $"The image tag '{tag}' already exists in the '{repository.Name}' repository and cannot be overwritten because the repository is immutable."), null);
        }

        repository.Tag(image, tag);
        TagInRegistry(repository, image, tag);
        return Ok(new JsonObject
        {
            ["image"] = new JsonObject
            {
                ["registryId"] = AccountId,
                ["repositoryName"] = repository.Name,
                ["imageId"] = new JsonObject { ["imageDigest"] = digest, ["imageTag"] = tag },
                ["imageManifest"] = manifest,
                ["imageManifestMediaType"] = request["imageManifestMediaType"]?.GetValue<string>(),
            },
        });
    }

    private (int, string, string?) WithRepository(JsonNode? request, Func<FakeEcrRepository, (int, string, string?)> serve)
    {
        var name = request?["repositoryName"]?.GetValue<string>() ?? "";
        FakeEcrRepository? repository;
        lock (_gate)
        {
            repository = _repositories.GetValueOrDefault(name);
        }

        if (repository is null)
        {
            return RepositoryNotFound(name);
        }

        SyncFromRegistry(repository);
        return serve(repository);
    }

    private static bool Pending(FakeEcrScan scan) => scan.NeverCompletes || scan.Polls <= scan.PendingPolls;

    private static JsonObject BasicFinding(FakeEcrFinding finding) => new JsonObject
    {
        ["name"] = finding.Id,
        ["description"] = $"{finding.Id} affects {finding.Package} {finding.Version}.",
        ["uri"] = $"https://security-tracker.debian.org/tracker/{finding.Id}",
        ["severity"] = finding.Severity,
        ["attributes"] = new JsonArray(
            new JsonObject { ["key"] = "package_version", ["value"] = finding.Version },
            new JsonObject { ["key"] = "package_name", ["value"] = finding.Package },
            new JsonObject { ["key"] = "CVSS2_VECTOR", ["value"] = "AV:N/AC:L/Au:N/C:P/I:P/A:P" },
            new JsonObject { ["key"] = "CVSS2_SCORE", ["value"] = "7.5" }),
    };

    private static JsonObject EnhancedFinding(FakeEcrFinding finding) => new JsonObject
    {
        ["awsAccountId"] = AccountId,
        ["findingArn"] = $"arn:aws:inspector2:{Region}:{AccountId}:finding/{finding.Id.ToLowerInvariant()}",
        ["title"] = $"{finding.Id} - {finding.Package}",
        ["description"] = $"{finding.Id} affects {finding.Package}.",
        ["severity"] = finding.Severity,
        ["status"] = "ACTIVE",
        ["type"] = "PACKAGE_VULNERABILITY",
        ["score"] = 7.5,
        ["fixAvailable"] = finding.FixedIn is null ? "NO" : "YES",
        ["packageVulnerabilityDetails"] = new JsonObject
        {
            ["vulnerabilityId"] = finding.Id,
            ["source"] = "NVD",
            ["sourceUrl"] = $"https://nvd.nist.gov/vuln/detail/{finding.Id}",
            ["vendorSeverity"] = finding.Severity,
            ["vulnerablePackages"] = new JsonArray(new JsonObject
            {
                ["name"] = finding.Package,
                ["version"] = finding.Version,
                ["packageManager"] = "OS",
                ["fixedInVersion"] = finding.FixedIn ?? "NotAvailable",
            }),
        },
    };

    private static (int, string, string?) RepositoryNotFound(string name) =>
        (400, Error("RepositoryNotFoundException", $"The repository with name '{name}' does not exist in the registry with id '{AccountId}'"), null);

    private static (int, string, string?) ImageNotFound(FakeEcrRepository repository, JsonNode id) =>
        (400, Error("ImageNotFoundException", $"The image with imageId {id.ToJsonString()} does not exist within the repository with name '{repository.Name}' in the registry with id '{AccountId}'"), null);

    private static (int, string, string?) Ok(JsonNode answer) => (200, answer.ToJsonString(), null);
}

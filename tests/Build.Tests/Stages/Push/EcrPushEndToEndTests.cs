using System.Text.Json;
using Build.Stages.Image;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;

namespace Build.Tests.Stages.Push;

/// <summary>
/// <c>Build.dll --target Push --exclusive --environment dev</c> as a user runs it: the environment file names the
/// repository and region, Setup opens ECR (the fake, through AWS_ENDPOINT_URL_ECR) before any task, the push logs in
/// to a real registry with the token, ECR's scan is gated, and pushed-dev.json records the digest.
/// </summary>
[Collection(DockerEngineGroup.Name)]
[Integration("docker engine and docker-registry")]
public sealed class EcrPushEndToEndTests : IDisposable
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromMinutes(3);

    private readonly DockerEngineFixture _docker;
    private readonly BuildProcess _build = new();
    private readonly FakeEcr _ecr = new();

    public EcrPushEndToEndTests(DockerEngineFixture docker)
    {
        _docker = docker;
        Directory.CreateDirectory(_build.Path("terraform", "environments"));
        File.WriteAllText(_build.Path("terraform", "environments", "dev.tfvars"), "environment  = \"dev\"\nservice_name = \"app\"\naws_region   = \"eu-west-1\" # the fake's region\n");
        _build.Environment["AWS_ACCESS_KEY_ID"] = FakeEcr.AccessKey;
        _build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeEcr.SecretKey;
        _build.Environment["AWS_ENDPOINT_URL_ECR"] = _ecr.Endpoint.ToString();
        _build.Environment["AWS_REGION"] = "";
        _build.Environment["AWS_DEFAULT_REGION"] = "";
        _build.Environment["AWS_PROFILE"] = "";
    }

    public void Dispose()
    {
        _ecr.Dispose();
        _build.Dispose();
    }

    [Fact]
    public void Push_to_dev_logs_in_with_the_ECR_token_pushes_gates_the_scan_and_records_the_digest()
    {
        _docker.RequireEngine();
        using var registry = new AuthenticatedRegistry(FakeEcr.RegistryPassword);
        _ecr.UseRegistry(registry.Address, registry.SignedInClient);
        var repository = _ecr.AddRepository("app-dev", immutableTags: true);
        repository.ScanOnPush = () => new FakeEcrScan { PendingPolls = 1, Findings = [new("CVE-2026-3333", "LOW", "zlib1g", "1.2.13")] };
        var image = RecordImage(["3.1.4-e2e", "56789abcdef0"]);

        var run = _build.Run(PushTimeout, "--target", "Push", "--exclusive", "--environment", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"ECR: {registry.Address}/app-dev in eu-west-1 (tags immutable, scan on push on).", run.Output, StringComparison.Ordinal);
        using var pushed = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "image", "pushed-dev.json")));
        var reference = pushed.RootElement.GetProperty("reference").GetString()!;
        Assert.Matches($"^{registry.Address}/app-dev@sha256:[0-9a-f]{{64}}$", reference);
        Assert.Equal(image.Id, pushed.RootElement.GetProperty("imageId").GetString());
        Assert.Contains("ECR scan: 1 vulnerability (1 LOW); threshold HIGH: 0 blocking, 0 ignored.", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_build.Path("artifacts", "image", "ecr-vulnerabilities.sarif")));
        Assert.DoesNotContain(FakeEcr.RegistryPassword, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeEcr.SecretKey, run.All, StringComparison.Ordinal);
        Assert.All(_build.ReadArtifacts(), artifact => Assert.DoesNotContain(FakeEcr.RegistryPassword, artifact.Value, StringComparison.Ordinal));
        var scratch = _build.Path(".build", "image");
        Assert.False(Directory.Exists(scratch) && Directory.EnumerateDirectories(scratch, "docker-config-*").Any(), "the registry credentials outlived the push");
        Assert.Equal("dev", pushed.RootElement.GetProperty("environment").GetString());
    }

    [Fact]
    public void A_blocking_ECR_finding_fails_Push_and_leaves_no_pushed_record_for_deploy()
    {
        _docker.RequireEngine();
        using var registry = new AuthenticatedRegistry(FakeEcr.RegistryPassword);
        _ecr.UseRegistry(registry.Address, registry.SignedInClient);
        var repository = _ecr.AddRepository("app-dev", immutableTags: true);
        repository.ScanOnPush = () => new FakeEcrScan { Findings = [new("CVE-2026-4444", "CRITICAL", "libc6", "2.36-9")] };
        RecordImage(["3.1.5-e2e", "6789abcdef01"]);
        Directory.CreateDirectory(_build.Path("artifacts", "image"));
        File.WriteAllText(_build.Path("artifacts", "image", "pushed-dev.json"), "{\"reference\": \"an older push\"}");

        var run = _build.Run(PushTimeout, "--target", "Push", "--exclusive", "--environment", "dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 finding(s) at or above HIGH (CVE-2026-4444 in libc6)", run.All, StringComparison.Ordinal);
        Assert.Contains("is in ECR but is not recorded for deploy", run.All, StringComparison.Ordinal);
        Assert.False(File.Exists(_build.Path("artifacts", "image", "pushed-dev.json")), "a pushed-dev.json survived a failed push");
    }

    [Fact]
    public void A_missing_repository_fails_in_setup_before_any_task_with_what_to_run()
    {
        var run = _build.Run("--target", "Push", "--environment", "dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ECR repository app-dev does not exist in eu-west-1: terraform creates it, so run ./build.sh --target Apply --environment dev first", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Compile", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, _ecr.CountOf("DescribeRepositories"));
    }

    [Fact]
    public void A_repository_without_scan_on_push_is_refused_in_setup_before_any_task()
    {
        var repository = _ecr.AddRepository("app-dev", immutableTags: true);
        repository.ScanOnPush = null;

        var run = _build.Run("--target", "Push", "--environment", "dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ECR repository app-dev has scan on push off, so nothing would judge the image after the push", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Compile", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_variable_that_contradicts_the_environment_file_is_refused_before_any_call()
    {
        _build.Environment["AWS_REGION"] = "us-east-1";

        var run = _build.Run("--target", "Push", "--environment", "dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AWS_REGION is us-east-1, but terraform/environments/dev.tfvars puts this environment in eu-west-1: unset AWS_REGION or correct the file.", run.All, StringComparison.Ordinal);
        Assert.Empty(_ecr.Requests);
    }

    private ImageBuildResult RecordImage(string[] tags)
    {
        var image = _docker.BuildAppImage($"ecr-e2e-{_docker.RunId}", tags);
        Directory.CreateDirectory(_build.Path("artifacts", "image"));
        ImageRecordFile.Write(new Cake.Core.IO.FilePath(_build.Path("artifacts", "image", "image.json")), image);
        RecordedGates.RecordAllPassed(_build, image.Id);
        return image;
    }
}

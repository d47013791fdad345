using System.Text.Json;
using Build.Aws.Ecr;
using Build.Vulnerabilities;
using Cake.Core;

namespace Build.Image.Ecr;

/// <summary>
/// ECR's scan of the pushed digest, judged like the local scan (<see cref="ImageVulnerabilityJudge"/>): waits for the
/// scan within <c>--scan-timeout</c>, writes artifacts/image/ecr-scan.json and ecr-vulnerabilities.sarif. A scan
/// that times out or ends without findings (FAILED, UNSUPPORTED_IMAGE...) fails the build: an image nobody could
/// judge is not released.
/// </summary>
public static class EcrScanGate
{
    public static async Task<ImageVulnerabilityOutcome> CheckAsync(
        BuildContext context, IEcrClient ecr, EcrRepository repository, PushedImage pushed, TimeSpan pollInterval, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(pushed);
        var output = ImagePaths.From(context.Paths).Output;
        var scan = repository.ScanOnPush
            ? await ScanAsync(context, ecr, repository, pushed, pollInterval, output.CombineWithFilePath("ecr-scan.json").FullPath, cancellation).ConfigureAwait(false)
            : ScannerOutcome.Skipped(VulnerabilitySources.Ecr, $"scan on push is off for repository {repository.Name}");
        return ImageVulnerabilityJudge.Judge(context, [scan], output.CombineWithFilePath("ecr-vulnerabilities.sarif"));
    }

    private static async Task<ScannerOutcome> ScanAsync(
        BuildContext context, IEcrClient ecr, EcrRepository repository, PushedImage pushed, TimeSpan pollInterval, string report, CancellationToken cancellation)
    {
        EcrScanFindings scan;
        try
        {
            scan = await ecr.WaitForScanAsync(repository.Name, pushed.Digest, context.Parameters.Vulnerabilities.ScanTimeout, pollInterval, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException timeout)
        {
            throw new CakeException(timeout.Message);
        }

        if (scan.Status.State != EcrScanState.Complete)
        {
            throw new CakeException(
                $"ECR could not scan {pushed.Reference}: {scan.Status}; the image is in ECR but was not judged, so it is not recorded for deploy (fix the cause, then run Push again: the tags are already there).");
        }

        var findings = EcrFindingsAdapter.ToFindings(scan);
        File.WriteAllText(report, JsonSerializer.Serialize(
            new
            {
                reference = pushed.Reference,
                status = scan.Status.Status,
                completedAt = scan.CompletedAt,
                severityCounts = scan.SeverityCounts,
                findings = findings.Select(finding => new { id = finding.Id, severity = finding.Severity.ToName(), package = finding.Package, version = finding.InstalledVersion, fixedVersion = finding.FixedVersion, title = finding.Title, url = finding.Url }),
            },
            JsonDefaults.Indented));
        return ScannerOutcome.Completed(VulnerabilitySources.Ecr, findings, report);
    }
}

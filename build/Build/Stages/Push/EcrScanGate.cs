using System.Text.Json;
using Build.Core;
using Build.Core.Vulnerabilities;
using Build.Stages.Image;
using Build.Stages.Image.Vulnerabilities;
using Build.Tools.Aws.Ecr;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Push;

/// <summary>
/// ECR's scan of the pushed digest, judged like the local scan (<see cref="ImageVulnerabilityJudge"/>): waits for the
/// scan within <c>--scan-timeout</c> and writes ecr-scan.json and ecr-vulnerabilities.sarif to the output folder. A
/// repository without scan on push, or a scan that times out or ends without findings (FAILED, UNSUPPORTED_IMAGE...),
/// fails: an image nobody could judge is not released.
/// </summary>
public static class EcrScanGate
{
    public const string ReportFile = "ecr-scan.json";
    public const string SarifFile = "ecr-vulnerabilities.sarif";

    public static async Task<ImageVulnerabilityOutcome> CheckAsync(
        IEcrClient ecr, EcrRepository repository, PushedImage pushed, ImageVulnerabilityPolicy policy, DirectoryPath output, TimeSpan pollInterval, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(pushed);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(output.FullPath);
        if (!repository.ScanOnPush)
        {
            throw new CakeException($"ECR repository {repository.Name} has scan on push off: {pushed.Reference} was pushed but nothing judged it, so it is not recorded for deploy; turn scan on push on (terraform/ecr.tf does).");
        }

        var polling = new ScanPolling(policy.Parameters.ScanTimeout, pollInterval, clock);
        var scan = await ScanAsync(ecr, repository, pushed, polling, output.CombineWithFilePath(ReportFile).FullPath, cancellation).ConfigureAwait(false);
        return ImageVulnerabilityJudge.Judge(policy, [scan], output.CombineWithFilePath(SarifFile));
    }

    private static async Task<ScannerOutcome> ScanAsync(
        IEcrClient ecr, EcrRepository repository, PushedImage pushed, ScanPolling polling, string report, CancellationToken cancellation)
    {
        EcrScanFindings scan;
        try
        {
            scan = await ecr.WaitForScanAsync(repository.Name, pushed.Digest, polling.Timeout, polling.Interval, polling.Clock, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException timedOut)
        {
            throw new CakeException(timedOut.Message);
        }

        if (scan.Status.State != EcrScanState.Complete)
        {
            throw new CakeException(
                $"ECR could not scan {pushed.Reference}: {scan.Status}; the image is in ECR but was not judged, so it is not recorded for deploy (fix the cause, then run ./build.sh --target Push --exclusive where this image was built: a rebuilt image differs and its tags would be refused).");
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

    private sealed record ScanPolling(TimeSpan Timeout, TimeSpan Interval, TimeProvider Clock);
}

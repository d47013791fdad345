using Build.Parameters;

namespace Build.Stages.Image;

/// <summary>
/// What ImageScan says when no vulnerability scanner ran (trivy not installed): never a quiet pass. With
/// <c>--vuln-scan required</c> (the default when CI=true) it is the failure line, with the install hint; with
/// <c>optional</c> a warning line (log and CI annotation), and the summary says NOT RUN.
/// </summary>
/// <param name="Warning">The warning line, or null.</param>
/// <param name="Failure">The failure line, or null.</param>
public sealed record UnscannedImage(string? Warning, string? Failure)
{
    public static UnscannedImage Judge(ImageVulnerabilityOutcome outcome, bool scanRequired)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.NotRun is not { } reason)
        {
            return new UnscannedImage(null, null);
        }

        var remedy = outcome.NotRunRemedy ?? "install a vulnerability scanner";
        return scanRequired
            ? new UnscannedImage(null, $"Vulnerability scan NOT RUN: {reason}, and --{ArgumentNames.VulnerabilityScan} is {VulnerabilityScanModes.Required} (the default when CI=true): {remedy}, or pass --{ArgumentNames.VulnerabilityScan} {VulnerabilityScanModes.Optional}.")
            : new UnscannedImage($"Vulnerability scan NOT RUN: {reason}: the image was not checked for known vulnerabilities; {remedy} (--{ArgumentNames.VulnerabilityScan} {VulnerabilityScanModes.Required} makes this fail).", null);
    }
}

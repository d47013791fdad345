using Build.Core.Vulnerabilities;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;

namespace Build.Tools.Trivy;

/// <summary>Cake alias for <see cref="TrivyScanner"/>.</summary>
[CakeAliasCategory("Trivy")]
public static class TrivyAliases
{
    /// <summary>Scans <paramref name="image"/> with trivy; a missing trivy is a skip whose reason is logged as a warning and returned.</summary>
    [CakeMethodAlias]
    public static ScannerOutcome TrivyScanImage(this ICakeContext context, string image, TrivySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = new TrivyScanner(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools).ScanImage(image, settings);
        if (!outcome.Ran)
        {
            context.Log.Warning("Trivy scan skipped: {0}.", outcome.SkipReason);
        }

        return outcome;
    }
}

using Build.Core.Vulnerabilities;
using Cake.Core;
using Cake.Core.Annotations;

namespace Build.Tools.Trivy;

/// <summary>Cake alias for <see cref="TrivyScanner"/>.</summary>
[CakeAliasCategory("Trivy")]
public static class TrivyAliases
{
    /// <summary>Scans <paramref name="image"/> with trivy; a missing trivy is a skip, returned with its reason and install hint (the caller warns or fails).</summary>
    [CakeMethodAlias]
    public static ScannerOutcome TrivyScanImage(this ICakeContext context, string image, TrivySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TrivyScanner(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools).ScanImage(image, settings);
    }
}

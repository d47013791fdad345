using System.Globalization;
using Build.Core;
using Build.Parameters;
using Build.Stages.Prerequisites;
using Cake.Common.Diagnostics;
using Cake.Frosting;

namespace Build.Stages.Image;

[TaskName("BaseImage")]
[TaskDescription("Builds the air-gapped runtime base (app-base:debianNN) from Debian packages: glibc, OpenSSL, CA certificates, tzdata, user app (uid 1654); kept when unchanged.")]
[IsDependentOn(typeof(PrerequisitesTask))]
public sealed class BaseImageTask : FrostingTask<BuildContext>
{
    public override string SkippedMessage => $"the image builds on a registry base (--{ArgumentNames.BaseImage}); BaseImage is for --{ArgumentNames.BaseImage} {ImageParameters.LocalBase}";

    public override bool ShouldRun(BuildContext context) => WillRun(context);

    /// <summary>Whether BaseImage runs in this run: the image builds on the local base, or BaseImage is the target.</summary>
    public static bool WillRun(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Parameters.Image.UsesLocalBase || context.Target.Equals("BaseImage", StringComparison.OrdinalIgnoreCase);
    }

    public override void Run(BuildContext context)
    {
        DockerEngineCheck.Require(context);
        var reference = BaseImageRecipe.ReferenceForThisMachine();
        var paths = ImagePaths.From(context.Paths);
        var result = BaseImageBuilder.Build(context, paths.BaseImageWork, paths.BasePackagesFile, reference);
        context.Information(
            "Base image {0} ({1}): {2} MB, {3}; packages: {4}.",
            result.Reference,
            result.Id[..19],
            result.SizeMegabytes,
            result.Reused ? "unchanged, kept" : "imported",
            string.Join(", ", result.Packages));
        context.Report.AddOutput("image", result.Reference);
        context.Report.AddOutput("size", result.SizeMegabytes.ToString(CultureInfo.InvariantCulture) + " MB");
        context.Report.AddOutput("reused", result.Reused ? "yes" : "no");
    }
}

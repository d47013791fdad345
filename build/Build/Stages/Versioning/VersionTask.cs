using System.Text.Json;
using Build.Core;
using Build.Core.Secrets;
using Build.Core.Versioning;
using Build.Stages.Prerequisites;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Frosting;

namespace Build.Stages.Versioning;

[TaskName("Version")]
[TaskDescription("Computes the SemVer version from git tags (vX.Y.Z + commit height) and writes artifacts/version.json.")]
[IsDependentOn(typeof(PrerequisitesTask))]
public sealed class VersionTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var version = context.BuildVersion;
        if (version.IsShallowClone && version.Source != VersionSource.Override)
        {
            context.Warning(
                "This is a shallow clone: tags and commit height may be missing, so version {0} may be wrong. "
                + "Fix: git fetch --unshallow --tags (GitHub Actions: actions/checkout with fetch-depth: 0).",
                version.Version);
        }

        if (version.IsDirty)
        {
            context.Warning("The working tree has uncommitted changes; the version is marked '.dirty'.");
        }

        context.Information("Version {0} ({1}, from {2}{3}).", version.Version, version.InformationalVersion, version.Source, version.Tag is null ? "" : " " + version.Tag);
        context.Report.AddOutput("version", version.Version);
        context.EnsureDirectoryExists(context.Paths.Artifacts);
        context.WriteArtifact(context.Paths.VersionFile, JsonSerializer.Serialize(
            new
            {
                version = version.Version,
                informationalVersion = version.InformationalVersion,
                commit = version.Commit,
                height = version.Height,
                tag = version.Tag,
                source = version.Source.ToString(),
                shallowClone = version.IsShallowClone,
                dirty = version.IsDirty,
            },
            JsonDefaults.Indented));
    }
}

using System.Runtime.InteropServices;

namespace Build.Core.Incremental;

/// <summary>What every incremental task's result depends on besides its own inputs: the build app itself (a changed build re-runs everything), the runtime and SDK pin, and the configuration.</summary>
public static class CommonInputs
{
    public static TaskInputs For(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TaskInputs()
            .Value("build app", typeof(CommonInputs).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Value("runtime", RuntimeInformation.FrameworkDescription)
            .Value("configuration", context.BuildConfiguration)
            .Files(context.Paths.Root.FullPath, "global.json", "Directory.Build.props", "Directory.Packages.props", "NuGet.config", ".editorconfig");
    }
}

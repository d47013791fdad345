using Build.Parameters;
using Cake.Core;

namespace Build.Stages.Accessibility;

/// <summary>The service the pipeline ships, as Compile leaves it: src/App/bin/&lt;configuration&gt;/net10.0/App.dll.</summary>
public sealed record BuiltService(string Dll, string? WebRoot)
{
    public const string Project = "App";
    public const string Framework = "net10.0";

    public static BuiltService Locate(string repositoryRoot, string configuration)
    {
        var project = Path.Combine(repositoryRoot, "src", Project);
        var output = Path.Combine(project, "bin", configuration, Framework);
        var dll = Path.Combine(output, Project + ".dll");
        if (!File.Exists(dll))
        {
            throw new CakeException($"The service is not built: {dll} does not exist. Run the Compile target first (without --exclusive), or check a running site with --{ArgumentNames.AccessibilityUrl}.");
        }

        // dotnet build leaves wwwroot in the project (only publish copies it); see DotNetAppLaunch.
        var webRoot = Path.Combine(project, "wwwroot");
        return new BuiltService(dll, !Directory.Exists(Path.Combine(output, "wwwroot")) && Directory.Exists(webRoot) ? webRoot : null);
    }
}

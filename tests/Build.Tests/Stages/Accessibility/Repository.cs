using Build.Stages.Accessibility;
namespace Build.Tests.Stages.Accessibility;

/// <summary>This repository, found from the test binaries, and its sample service as the solution build left it.</summary>
public static class Repository
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "App.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No App.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The built sample service; a clear failure when it is not built (the solution build builds it).</summary>
    public static BuiltService SampleService
    {
        get
        {
            var root = Root;
            Assert.True(
                File.Exists(Path.Combine(root, "src", "App", "bin", Configuration, "net10.0", "App.dll")),
                $"The sample service is not built; build it first: dotnet build src/App -c {Configuration} (./build.sh --target Compile builds it).");
            return BuiltService.Locate(root, Configuration);
        }
    }
}

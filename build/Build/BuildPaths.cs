using Cake.Core.IO;

namespace Build;

/// <summary>Every path the build uses, derived once from the repository root.</summary>
public sealed record BuildPaths(DirectoryPath Root, DirectoryPath Artifacts)
{
    public FilePath Solution => Root.CombineWithFilePath("App.sln");

    public DirectoryPath Source => Root.Combine("src");

    public DirectoryPath Tests => Root.Combine("tests");

    public DirectoryPath TestResults => Artifacts.Combine("test-results");

    public FilePath VersionFile => Artifacts.CombineWithFilePath("version.json");

    public static DirectoryPath FindRoot(DirectoryPath start)
    {
        for (var directory = start; directory is not null; directory = directory.GetParent())
        {
            if (File.Exists(directory.CombineWithFilePath("App.sln").FullPath))
            {
                return directory;
            }
        }

        throw UsageError.Of($"No App.sln found in '{start.FullPath}' or above: run the build from the repository.");
    }
}

using Build.Parameters;
using Build.Tools.Git;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Core.Checkout;

/// <summary>
/// The rule for <c>--artifacts</c>: Clean empties that folder and every run moves its contents aside, so it must be a
/// folder of the build's own inside the repository. Judged on where the path really leads (<see cref="RealPath"/>):
/// not outside the repository, not the root, not one of the repository's own folders or inside one, not a file,
/// and holding no file git tracks. A new folder, or one that only ever held outputs, passes (artifacts, out/ci1).
/// </summary>
public static class ArtifactsFolder
{
    /// <summary>The repository's own folders: sources, tests, the build, the infrastructure, git's data and the build's caches and local state.</summary>
    public static readonly IReadOnlyList<string> RepositoryFolders = [".git", ".build", "src", "tests", "build", "terraform"];

    private const string Advice = "use a folder of its own inside the repository, such as artifacts or out/ci1.";

    /// <summary>The artifacts folder <paramref name="value"/> names, below <paramref name="root"/>; a usage error (exit 2) naming the reason otherwise.</summary>
    public static DirectoryPath Resolve(DirectoryPath root, string value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var realRoot = RealPath.Of(root.FullPath);
        var real = RealPath.Of(Path.Combine(root.FullPath, value));
        var named = $"--{ArgumentNames.Artifacts} '{value}'";
        if (real.Equals(realRoot, RealPath.Comparison))
        {
            throw UsageError.Of($"{named} is the repository root itself: Clean would delete the whole checkout; {Advice}");
        }

        if (!RealPath.IsInside(real, realRoot))
        {
            throw UsageError.Of($"{named} leads to {real}, outside the repository {realRoot}: the build writes and deletes only inside the checkout; {Advice}");
        }

        var relative = Path.GetRelativePath(realRoot, real);
        var top = relative.Split(Path.DirectorySeparatorChar)[0];
        if (RepositoryFolders.FirstOrDefault(folder => folder.Equals(top, RealPath.Comparison)) is { } own)
        {
            var where = relative.Length == top.Length ? $"is the repository's {own} folder" : $"leads into {own}";
            throw UsageError.Of($"{named} {where}: the build never writes its outputs into, or empties, the repository's own folders ({string.Join(", ", RepositoryFolders)}); {Advice}");
        }

        if (File.Exists(real))
        {
            throw UsageError.Of($"{named} is a file, not a folder; {Advice}");
        }

        var tracked = Directory.Exists(real) ? new GitRepository(root.FullPath).TrackedFiles(relative.Replace(Path.DirectorySeparatorChar, '/')) : [];
        if (tracked.Count > 0)
        {
            throw UsageError.Of($"{named} holds {tracked.Count} file(s) git tracks (first: {tracked[0]}): Clean would delete them; {Advice}");
        }

        return root.Combine(relative);
    }
}

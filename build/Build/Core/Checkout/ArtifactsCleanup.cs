using Cake.Common.Diagnostics;
using Path = System.IO.Path;

namespace Build.Core.Checkout;

/// <summary>
/// What Clean deletes of the build's outputs: everything in the artifacts folder (which passed
/// <see cref="ArtifactsFolder"/>'s rule in Setup) and the earlier outputs moved aside to .build/previous/, except the
/// terraform state Apply rescued there, which is state, not an output: it stays until someone pushes it.
/// </summary>
public static class ArtifactsCleanup
{
    public static IReadOnlyList<string> Kept { get; } = [ArtifactPatterns.RescuedTerraformState];

    public static void Run(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = context.Paths;
        var kept = new List<string>();
        if (Directory.Exists(paths.Artifacts.FullPath))
        {
            DeleteExcept(paths.Artifacts.FullPath, paths.Artifacts.FullPath, kept);
        }

        if (Directory.Exists(paths.PreviousArtifacts.FullPath))
        {
            Directory.Delete(paths.PreviousArtifacts.FullPath, recursive: true);
        }

        // What the skipped-as-unchanged stages would bring back is gone: so are their records.
        var taskRecords = Path.GetDirectoryName(Incremental.TaskCacheRecord.PathOf(paths, "any"))!;
        if (Directory.Exists(taskRecords))
        {
            Directory.Delete(taskRecords, recursive: true);
        }

        foreach (var file in kept)
        {
            context.Warning("Kept {0}: terraform state Apply could not save. Push it with 'terraform state push' once the backend is reachable, then delete it.", paths.Artifacts.CombineWithFilePath(file).FullPath);
        }
    }

    private static void DeleteExcept(string folder, string artifacts, List<string> kept)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).ToList())
        {
            var isLink = new FileInfo(entry).LinkTarget is not null;
            var relative = Path.GetRelativePath(artifacts, entry).Replace(Path.DirectorySeparatorChar, '/');
            if (Directory.Exists(entry) && !isLink)
            {
                DeleteExcept(entry, artifacts, kept);
                if (!Directory.EnumerateFileSystemEntries(entry).Any())
                {
                    Directory.Delete(entry);
                }
            }
            else if (ArtifactPatterns.MatchesAny(relative, Kept))
            {
                kept.Add(relative);
            }
            else if (Directory.Exists(entry))
            {
                Directory.Delete(entry); // a link to a folder: the link goes, never what it points to
            }
            else
            {
                File.Delete(entry);
            }
        }
    }
}

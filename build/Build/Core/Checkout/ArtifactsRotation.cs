using Build.Parameters;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Core.Checkout;

/// <summary>
/// At the start of every run that executes tasks, what earlier runs left in the artifacts folder is moved to
/// .build/previous/&lt;artifacts folder&gt;/ (replacing what was there), so the folder CI archives holds only what this run
/// produced. A few records are carried over (copied back), because later runs read them or they must never be lost.
/// With --keep-artifacts (the later steps of one CI job, whose archive should hold every step's outputs) nothing moves.
/// </summary>
public static class ArtifactsRotation
{
    /// <summary>
    /// Gets what is carried over: records of state outside the build that stays true until a stage changes it, and
    /// that later runs read or must not lose. The gates that passed for a commit (Push and Deploy read them with --exclusive; each gate deletes its own when it starts). The image on this machine and the push Deploy trusts (ImageScan, Push and
    /// Deploy read them with --exclusive; Push still deletes pushed-&lt;env&gt;.json before it pushes), what runs after Deploy
    /// (Deploy deletes it before it deploys), and the terraform state Apply rescued when the backend could not save it.
    /// </summary>
    public static IReadOnlyList<string> CarriedOver { get; } = ["gates/*.json", "infrastructure/*.json", "image/image.json", "image/pushed-*.json", "deploy/*.json", ArtifactPatterns.RescuedTerraformState];

    private static readonly EnumerationOptions AllFiles = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };

    /// <summary>Moves the earlier outputs aside and says so in one line; nothing is said when the folder is empty.</summary>
    public static void Run(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = context.Paths;
        if (context.Parameters.KeepArtifacts)
        {
            context.Information($"Keeping what earlier runs left in {{0}} (--{ArgumentNames.KeepArtifacts}): this run adds to it.", paths.Root.GetRelativePath(paths.Artifacts).FullPath);
            return;
        }

        if (Rotate(paths.Artifacts, paths.PreviousArtifacts) is not { } result)
        {
            return;
        }

        var carried = result.Carried.Count == 0 ? "" : $"; carried over {string.Join(", ", result.Carried)}";
        context.Information(
            "Moved what an earlier run left in {0} ({1} file(s)) to {2}{3}.",
            paths.Root.GetRelativePath(paths.Artifacts).FullPath,
            result.Moved,
            paths.Root.GetRelativePath(paths.PreviousArtifacts).FullPath,
            carried);
        if (result.Carried.Count > 0)
        {
            context.Report.AddSection("Carried over", $"Records an earlier run wrote, kept for later stages (not made by this run): {string.Join(", ", result.Carried.Select(file => $"`{file}`"))}.");
        }
    }

    /// <summary>
    /// Moves every entry of <paramref name="artifacts"/> into <paramref name="previous"/> (emptied first), then copies the
    /// carried-over records back; null when the artifacts folder is missing or empty (then <paramref name="previous"/> stays).
    /// </summary>
    public static RotationResult? Rotate(DirectoryPath artifacts, DirectoryPath previous)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(previous);
        var from = artifacts.FullPath;
        var to = previous.FullPath;
        if (!Directory.Exists(from) || !Directory.EnumerateFileSystemEntries(from).Any())
        {
            return null;
        }

        try
        {
            if (Directory.Exists(to))
            {
                Directory.Delete(to, recursive: true);
            }

            Directory.CreateDirectory(to);
            foreach (var entry in Directory.EnumerateFileSystemEntries(from).ToList())
            {
                Move(entry, Path.Combine(to, Path.GetFileName(entry)));
            }

            var moved = Directory.EnumerateFiles(to, "*", AllFiles).Count();
            var carried = new List<string>();
            foreach (var file in Directory.EnumerateFiles(to, "*", AllFiles).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(to, file).Replace(Path.DirectorySeparatorChar, '/');
                if (ArtifactPatterns.MatchesAny(relative, CarriedOver))
                {
                    var copy = Path.Combine(from, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(file, copy);
                    carried.Add(relative);
                }
            }

            return new RotationResult(moved, carried);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new CakeException($"Could not move the outputs of an earlier run from {from} to {to} ({failure.Message}); free or delete them, then run again.");
        }
    }

    // A folder on another file system (a mounted artifacts folder) cannot be renamed into .build: copy, then delete.
    private static void Move(string source, string destination)
    {
        var isFolder = Directory.Exists(source);
        var isLink = new FileInfo(source).LinkTarget is not null;
        try
        {
            if (isFolder)
            {
                Directory.Move(source, destination);
            }
            else
            {
                File.Move(source, destination);
            }
        }
        catch (IOException) when (isFolder && !isLink && !Directory.Exists(destination))
        {
            CopyFolder(source, destination);
            Directory.Delete(source, recursive: true);
        }
    }

    private static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", AllFiles))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

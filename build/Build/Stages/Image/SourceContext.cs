namespace Build.Stages.Image;

/// <summary>
/// Stages the build context of the sdk mode: the files the Dockerfile's SDK stages copy, and nothing else
/// (no bin/obj, artifacts or .git), so it works with the legacy builder too, which reads no per-Dockerfile ignore file.
/// </summary>
public static class SourceContext
{
    /// <summary>Repository files the restore layer needs besides the project file.</summary>
    public static readonly IReadOnlyList<string> RootFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"];

    private static readonly string[] ExcludedFolders = ["bin", "obj"];

    public static void Stage(ImagePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var target = paths.SourceContext.FullPath;
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        foreach (var file in RootFiles.Where(name => File.Exists(Path.Combine(paths.Root.FullPath, name))))
        {
            File.Copy(Path.Combine(paths.Root.FullPath, file), Path.Combine(target, file));
        }

        CopyTree(paths.AppDirectory.FullPath, Path.Combine(target, "src", ImagePaths.AssemblyName));

        // The legacy builder builds every stage before --target sdk, the prebuilt stage included: give its two
        // COPY instructions empty folders to copy (BuildKit skips that stage altogether).
        Directory.CreateDirectory(Path.Combine(target, ImageLayout.RuntimeFolder));
        Directory.CreateDirectory(Path.Combine(target, ImageLayout.AppFolder));
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source).Where(folder => !ExcludedFolders.Contains(Path.GetFileName(folder), StringComparer.Ordinal)))
        {
            CopyTree(folder, Path.Combine(destination, Path.GetFileName(folder)));
        }
    }
}

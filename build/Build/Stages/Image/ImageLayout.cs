namespace Build.Stages.Image;

/// <summary>
/// Splits a self-contained publish into two image layers: the .NET runtime (large, changes with the SDK's runtime
/// packs only) and the app (small, changes with every commit), so a rebuild after a source change reuses the runtime
/// layer and a push uploads only the app. The Dockerfile's sdk stage applies the same rule with <c>find</c>.
/// </summary>
public static class ImageLayout
{
    public const string RuntimeFolder = "runtime";
    public const string AppFolder = "app";

    /// <summary>Gets a value indicating whether a top-level publish entry belongs to the app layer.</summary>
    public static bool IsAppEntry(string name, string assemblyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(assemblyName);
        return name == assemblyName
            || name.StartsWith(assemblyName + ".", StringComparison.Ordinal)
            || (name.StartsWith("appsettings", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            || name is "wwwroot" or "web.config";
    }

    /// <summary>Moves a publish output into <c>runtime/</c> and <c>app/</c> under <paramref name="context"/> (both cleaned first).</summary>
    public static (int RuntimeEntries, int AppEntries) Split(string publishDirectory, string context, string assemblyName)
    {
        var runtime = Path.Combine(context, RuntimeFolder);
        var app = Path.Combine(context, AppFolder);
        foreach (var folder in new[] { runtime, app })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
        }

        var counts = (Runtime: 0, App: 0);
        foreach (var entry in new DirectoryInfo(publishDirectory).EnumerateFileSystemInfos())
        {
            var toApp = IsAppEntry(entry.Name, assemblyName);
            var destination = Path.Combine(toApp ? app : runtime, entry.Name);
            if (entry is DirectoryInfo directory)
            {
                directory.MoveTo(destination);
            }
            else
            {
                File.Move(entry.FullName, destination);
            }

            counts = toApp ? (counts.Runtime, counts.App + 1) : (counts.Runtime + 1, counts.App);
        }

        return counts;
    }
}

using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Push;

/// <summary>
/// A docker config folder for one push (<c>docker-config-&lt;random&gt;</c>, owner-only): docker login writes the
/// registry password (base64) into its config.json, so it is deleted when the push ends. A folder that an
/// interrupted run could not delete is removed by the next push once it is an hour old (Clean removes them all).
/// </summary>
public sealed class DockerCredentialFolder : IDisposable
{
    public const string Prefix = "docker-config-";

    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private readonly ICakeContext _context;

    private DockerCredentialFolder(ICakeContext context, DirectoryPath path)
    {
        _context = context;
        Path = path;
    }

    public DirectoryPath Path { get; }

    public static DockerCredentialFolder Create(ICakeContext context, DirectoryPath scratch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scratch);
        Directory.CreateDirectory(scratch.FullPath);
        RemoveStale(context, scratch);
        var path = scratch.Combine(Prefix + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path.FullPath);
        }
        else
        {
            Directory.CreateDirectory(path.FullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new DockerCredentialFolder(context, path);
    }

    /// <summary>Removes every credential folder under <paramref name="scratch"/> (Clean).</summary>
    public static void RemoveAll(ICakeContext context, DirectoryPath scratch) => Remove(context, scratch, TimeSpan.Zero);

    public void Dispose() => Delete(_context, Path.FullPath);

    private static void RemoveStale(ICakeContext context, DirectoryPath scratch) => Remove(context, scratch, StaleAfter);

    private static void Remove(ICakeContext context, DirectoryPath scratch, TimeSpan olderThan)
    {
        if (!Directory.Exists(scratch.FullPath))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(scratch.FullPath, Prefix + "*"))
        {
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) >= olderThan)
            {
                Delete(context, folder);
            }
        }
    }

    // A failed delete must not hide the push's own outcome; it is reported, with where the credentials still are.
    private static void Delete(ICakeContext context, string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            context.Warning("Could not delete {0}, which holds registry credentials: {1}; delete it by hand.", folder, failed.Message);
        }
    }
}

using System.Formats.Tar;

namespace Build.Stages.Image;

/// <summary>
/// Writes a folder as a reproducible root file system tarball: entries sorted, owned by root (or as overridden),
/// one fixed timestamp, symbolic links kept. The same files always give the same bytes, so docker import gives
/// the same layer digest and an unchanged base image is recognised without importing it again.
/// </summary>
public static class RootFsArchive
{
    public static readonly DateTimeOffset Timestamp = DateTimeOffset.UnixEpoch;

    /// <param name="directory">The root file system.</param>
    /// <param name="output">Where the tarball goes.</param>
    /// <param name="owners">Owner (uid, gid) of the entries that are not root's, by path relative to the root (<c>home/app</c>).</param>
    /// <param name="modes">Modes that differ from the file system's (<c>tmp</c>: 1777), by relative path.</param>
    public static void Write(string directory, Stream output, IReadOnlyDictionary<string, (int Uid, int Gid)> owners, IReadOnlyDictionary<string, UnixFileMode> modes)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(modes);
        using var writer = new TarWriter(output, TarEntryFormat.Gnu, leaveOpen: true);
        var root = new DirectoryInfo(directory);
        var entries = Walk(root)
            .Select(info => (Info: info, Name: Path.GetRelativePath(root.FullName, info.FullName).Replace('\\', '/')))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal);
        foreach (var (info, name) in entries)
        {
            var entry = CreateEntry(info, name);
            var (uid, gid) = owners.TryGetValue(name, out var owner) ? owner : (0, 0);
            entry.Uid = uid;
            entry.Gid = gid;
            entry.Mode = modes.TryGetValue(name, out var mode) ? mode : ModeOf(info);
            entry.ModificationTime = Timestamp;
            entry.AccessTime = Timestamp;
            entry.ChangeTime = Timestamp;
            if (entry.EntryType == TarEntryType.RegularFile)
            {
                using var data = File.OpenRead(info.FullName);
                entry.DataStream = data;
                writer.WriteEntry(entry);
            }
            else
            {
                writer.WriteEntry(entry);
            }
        }
    }

    // Never into a linked directory: in a root file system its target (/etc/ssl/certs) would be the HOST's folder.
    private static IEnumerable<FileSystemInfo> Walk(DirectoryInfo directory)
    {
        foreach (var info in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0 }))
        {
            yield return info;
            if (info is DirectoryInfo child && child.LinkTarget is null)
            {
                foreach (var descendant in Walk(child))
                {
                    yield return descendant;
                }
            }
        }
    }

    // A link's own mode is meaningless (and reading it follows the link, which in a root file system points elsewhere).
    private static UnixFileMode ModeOf(FileSystemInfo info) =>
        info.LinkTarget is null ? info.UnixFileMode : (UnixFileMode)Convert.ToInt32("777", 8);

    private static GnuTarEntry CreateEntry(FileSystemInfo info, string name)
    {
        if (info.LinkTarget is { } target)
        {
            return new GnuTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target };
        }

        return info is DirectoryInfo
            ? new GnuTarEntry(TarEntryType.Directory, name + "/")
            : new GnuTarEntry(TarEntryType.RegularFile, name);
    }
}

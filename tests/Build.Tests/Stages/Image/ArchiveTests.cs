using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Build.Stages.Image;

namespace Build.Tests.Stages.Image;

public sealed class ArchiveTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("build-tests-archive-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_root_file_system_tarball_is_reproducible_and_owned_by_root()
    {
        var rootfs = MakeRootFs();

        var first = Tarball(rootfs);
        File.SetLastWriteTimeUtc(Path.Combine(rootfs, "etc", "passwd"), DateTime.UtcNow.AddDays(-3));
        var second = Tarball(rootfs);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second)));
        var entries = Entries(first);
        Assert.Equal(entries.Select(entry => entry.Name).Order(StringComparer.Ordinal), entries.Select(entry => entry.Name));
        Assert.All(entries.Where(entry => !entry.Name.StartsWith("home/app", StringComparison.Ordinal)), entry => Assert.Equal((0, 0), (entry.Uid, entry.Gid)));
        Assert.All(entries, entry => Assert.Equal(RootFsArchive.Timestamp, entry.ModificationTime));
    }

    [Fact]
    public void Owners_and_modes_are_applied_and_a_linked_directory_is_a_link_not_the_host_folder()
    {
        var rootfs = MakeRootFs();

        var entries = Entries(Tarball(rootfs)).ToDictionary(entry => entry.Name.TrimEnd('/'), StringComparer.Ordinal);

        Assert.Equal((1654, 1654), (entries["home/app"].Uid, entries["home/app"].Gid));
        Assert.Equal(Convert.ToInt32("1777", 8), (int)entries["tmp"].Mode);
        Assert.Equal(TarEntryType.SymbolicLink, entries["usr/lib/ssl/certs"].EntryType);
        Assert.Equal("/etc", entries["usr/lib/ssl/certs"].LinkName);
        Assert.DoesNotContain(entries.Keys, name => name.StartsWith("usr/lib/ssl/certs/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_compressed_size_of_a_saved_image_is_its_gzipped_layers_and_config()
    {
        var layer = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("compressible layer content ", 2000)));
        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64"}""");
        var saved = Path.Combine(_directory, "saved.tar");
        using (var output = File.Create(saved))
        using (var writer = new TarWriter(output, TarEntryFormat.Pax))
        {
            Add(writer, "abc/layer.tar", layer);
            Add(writer, "abc/json", Encoding.UTF8.GetBytes("{}"));
            Add(writer, "cfg.json", config);
            Add(writer, "manifest.json", Encoding.UTF8.GetBytes("""[{"Config":"cfg.json","RepoTags":["app:1"],"Layers":["abc/layer.tar"]}]"""));
        }

        var size = CompressedSize.OfSavedImage(saved);

        Assert.Equal(GzipLength(layer) + GzipLength(config), size);
        Assert.True(size < layer.Length / 10, $"{size} bytes is not compressed");
    }

    private static void Add(TarWriter writer, string name, byte[] data)
    {
        using var stream = new MemoryStream(data);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = stream });
    }

    private static long GzipLength(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.Length;
    }

    private static List<TarEntry> Entries(byte[] tarball)
    {
        using var reader = new TarReader(new MemoryStream(tarball));
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }

    private static byte[] Tarball(string rootfs)
    {
        using var output = new MemoryStream();
        RootFsArchive.Write(rootfs, output, BaseImageRecipe.Owners, BaseImageRecipe.Modes);
        return output.ToArray();
    }

    // A small tree shaped like the base, with a linked directory whose absolute target (/etc) exists on the host too.
    private string MakeRootFs()
    {
        var rootfs = Path.Combine(_directory, "rootfs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(rootfs, "etc"));
        Directory.CreateDirectory(Path.Combine(rootfs, "tmp"));
        Directory.CreateDirectory(Path.Combine(rootfs, "home", "app"));
        Directory.CreateDirectory(Path.Combine(rootfs, "usr", "lib", "ssl"));
        File.WriteAllText(Path.Combine(rootfs, "etc", "passwd"), BaseImageRecipe.Files["etc/passwd"]);
        Directory.CreateSymbolicLink(Path.Combine(rootfs, "usr", "lib", "ssl", "certs"), "/etc");
        File.CreateSymbolicLink(Path.Combine(rootfs, "usr", "lib", "ssl", "cert.pem"), "/etc/ssl/certs/ca-certificates.crt");
        return rootfs;
    }
}

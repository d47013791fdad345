using System.IO.Compression;
using System.Text;
using Path = System.IO.Path;

namespace Build.Stages.Infrastructure;

/// <summary>
/// The module's Lambda functions as terraform's <c>aws_lambda_function.filename</c> takes them: every
/// <c>lambda/&lt;name&gt;.py</c> of a working copy packed into <c>lambda/&lt;name&gt;.zip</c>, the one file at the zip's
/// root. There is no archive provider offline, so the build packs them; the zip is the same bytes for the same source
/// (stored, not deflated; fixed timestamp, permissions and order), so <c>filebase64sha256</c> of it changes only
/// when the source does and plans stay stable.
/// </summary>
public static class LambdaPackages
{
    /// <summary>The folder of a module that holds Lambda sources.</summary>
    public const string Folder = "lambda";

    /// <summary>What every entry is dated: the earliest time a zip can carry.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Regular file, rw-r--r--: the Lambda runtime (not the owner) must read it.
    private const int UnixFileMode = 0b1_000_000_110_100_100 << 16;

    /// <summary>Packs every lambda/*.py under <paramref name="module"/>; returns the zips written (none without a lambda folder).</summary>
    public static IReadOnlyList<string> Pack(string module)
    {
        var folder = Path.Combine(module, Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var written = new List<string>();
        foreach (var source in Directory.EnumerateFiles(folder, "*.py").Order(StringComparer.Ordinal))
        {
            var zip = Path.ChangeExtension(source, ".zip");
            File.WriteAllBytes(zip, Zip(Path.GetFileName(source), File.ReadAllBytes(source)));
            written.Add(zip);
        }

        return written;
    }

    /// <summary>A zip holding one file, <paramref name="name"/>, with <paramref name="content"/>; the same bytes for the same input.</summary>
    public static byte[] Zip(string name, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
            entry.LastWriteTime = EntryTime;
            entry.ExternalAttributes = UnixFileMode;
            using var stream = entry.Open();
            stream.Write(content);
        }

        return buffer.ToArray();
    }
}

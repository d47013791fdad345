using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Build.Stages.Image;

/// <summary>
/// Estimates what a registry stores for an image (and what every host pulls): each layer of a <c>docker save</c>
/// tarball gzip-compressed, as docker push does, plus the config. Works with both save formats (legacy
/// <c>id/layer.tar</c> and OCI <c>blobs/sha256/...</c>) by following manifest.json. Push reports the exact figure.
/// </summary>
public static class CompressedSize
{
    public static long OfSavedImage(string savedTarball)
    {
        var compressed = new Dictionary<string, long>(StringComparer.Ordinal);
        string? manifest = null;
        using (var input = File.OpenRead(savedTarball))
        using (var reader = new TarReader(input))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                if (entry.Name == "manifest.json")
                {
                    using var text = new StreamReader(entry.DataStream);
                    manifest = text.ReadToEnd();
                }
                else
                {
                    compressed[entry.Name] = GzipLength(entry.DataStream);
                }
            }
        }

        var (config, layers) = ReadManifest(manifest ?? throw new InvalidDataException("The saved image has no manifest.json."));
        return layers.Append(config).Sum(name => compressed.GetValueOrDefault(name));
    }

    private static (string Config, IReadOnlyList<string> Layers) ReadManifest(string json)
    {
        using var document = JsonDocument.Parse(json);
        var image = document.RootElement[0];
        return (
            image.GetProperty("Config").GetString() ?? "",
            [.. image.GetProperty("Layers").EnumerateArray().Select(layer => layer.GetString() ?? "")]);
    }

    private static long GzipLength(Stream data)
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        {
            data.CopyTo(gzip);
        }

        return counter.Length;
    }

    /// <summary>A write-only stream that only counts.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}

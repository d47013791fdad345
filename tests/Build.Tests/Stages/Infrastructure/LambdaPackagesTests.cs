using System.IO.Compression;
using System.Security.Cryptography;
using Build.Stages.Infrastructure;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>The Lambda zip the build packs for terraform: the same bytes for the same source whenever it is packed, readable by the Lambda runtime.</summary>
public sealed class LambdaPackagesTests : IDisposable
{
    private readonly string _module = Directory.CreateTempSubdirectory("lambda-packages-").FullName;

    public void Dispose() => Directory.Delete(_module, recursive: true);

    [Fact]
    public void Packing_the_same_source_twice_gives_the_same_bytes_and_a_changed_source_a_changed_hash()
    {
        Directory.CreateDirectory(Path.Combine(_module, "lambda"));
        var source = Path.Combine(_module, "lambda", "gate.py");
        File.WriteAllText(source, "def handler(event, context):\n    return {}\n");

        var zip = Assert.Single(LambdaPackages.Pack(_module));
        var first = File.ReadAllBytes(zip);
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddDays(-3));
        LambdaPackages.Pack(_module);
        var second = File.ReadAllBytes(zip);
        File.AppendAllText(source, "# changed\n");
        LambdaPackages.Pack(_module);
        var changed = File.ReadAllBytes(zip);

        Assert.Equal(Path.Combine(_module, "lambda", "gate.zip"), zip);
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
        Assert.NotEqual(SHA256.HashData(first), SHA256.HashData(changed));
    }

    [Fact]
    public void The_zip_holds_the_source_at_its_root_dated_1980_and_readable_by_everyone()
    {
        var content = "print('gate')\n"u8.ToArray();

        using var archive = new ZipArchive(new MemoryStream(LambdaPackages.Zip("gate.py", content)), ZipArchiveMode.Read);

        var entry = Assert.Single(archive.Entries);
        Assert.Equal("gate.py", entry.FullName);
        Assert.Equal(LambdaPackages.EntryTime.DateTime, entry.LastWriteTime.DateTime);
        Assert.Equal(0b110_100_100, (entry.ExternalAttributes >> 16) & 0b111_111_111);
        using var read = new MemoryStream();
        entry.Open().CopyTo(read);
        Assert.Equal(content, read.ToArray());
    }

    [Fact]
    public void A_module_without_a_lambda_folder_gets_no_zip()
    {
        Assert.Empty(LambdaPackages.Pack(_module));
    }
}

using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>A dry run walks the graph and touches nothing: a real run's report and outputs stay as they were, byte for byte.</summary>
public sealed class DryRunTests : IDisposable
{
    private readonly BuildProcess _build = new();

    [Theory]
    [InlineData(0, "Version")]
    [InlineData(0, "Default")]
    [InlineData(0, "Clean")]
    [InlineData(0, "Test", "--tests", "unit")]
    [InlineData(0, "Push")]
    [InlineData(0, "Deploy", "--keep-artifacts")]
    [InlineData(1, "Apply")]
    public void After_a_real_run_a_dry_run_leaves_the_report_byte_identical_and_moves_nothing(int exitCode, params string[] args)
    {
        var real = _build.Run("--target", "Version");
        Assert.True(real.ExitCode == 0, real.ToString());
        var before = Snapshot();
        Assert.Contains("summary.md", before.Keys);
        Assert.Contains("build-report.json", before.Keys);

        var dry = _build.Run([.. args, "--dryrun"]);

        Assert.True(dry.ExitCode == exitCode, dry.ToString());
        Assert.Contains("Performing dry run", dry.Output, StringComparison.Ordinal);
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, (bytes, written)) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[file].Bytes), $"the dry run changed artifacts/{file}");
            Assert.Equal(written, after[file].Written);
        }

        Assert.False(Directory.Exists(_build.Path(".build", "previous")), "the dry run moved the artifacts folder aside");
    }

    public void Dispose() => _build.Dispose();

    private Dictionary<string, (byte[] Bytes, DateTime Written)> Snapshot() =>
        Directory.EnumerateFiles(_build.Artifacts, "*", SearchOption.AllDirectories)
            .ToDictionary(
                file => Path.GetRelativePath(_build.Artifacts, file).Replace('\\', '/'),
                file => (File.ReadAllBytes(file), File.GetLastWriteTimeUtc(file)),
                StringComparer.Ordinal);
}

using Build.Core.Incremental;

namespace Build.Tests.Core.Incremental;

public sealed class ArtifactGlobTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("build-tests-glob-").FullName;

    public ArtifactGlobTests()
    {
        foreach (var file in new[] { "lint/format.json", "lint/deep/secrets.sarif", "image/image.json", "image/image-scan.md", "summary.md" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_root, file))!);
            File.WriteAllText(Path.Combine(_root, file), file);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Double_star_crosses_folders_single_star_does_not_and_a_plain_name_is_exact()
    {
        Assert.Equal(["lint/deep/secrets.sarif", "lint/format.json"], ArtifactGlob.Match(_root, ["lint/**"]));
        Assert.Equal(["lint/format.json"], ArtifactGlob.Match(_root, ["lint/*"]));
        Assert.Equal(["image/image.json"], ArtifactGlob.Match(_root, ["image/image.json"]));
        Assert.Empty(ArtifactGlob.Match(Path.Combine(_root, "missing"), ["**"]));
    }
}

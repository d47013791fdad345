using Build.Tests.Support;

namespace Build.Tests.Core.Checkout;

/// <summary>--artifacts through the real build app, in a git checkout: only a folder of the build's own inside it passes.</summary>
public sealed class ArtifactsParameterTests : IDisposable
{
    private const string OwnFolders = "the repository's own folders (.git, .build, src, tests, build, terraform)";

    private readonly BuildProcess _build = new();
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("build-outside-");

    public ArtifactsParameterTests()
    {
        CheckoutRepository.Init(_build);
        File.WriteAllText(Path.Combine(_outside.FullName, "precious.txt"), "not the build's");
    }

    public void Dispose()
    {
        _build.Dispose();
        _outside.Delete(recursive: true);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("docs/..")]
    public void Clean_with_the_repository_root_as_artifacts_exits_2_and_deletes_nothing(string artifacts)
    {
        var run = _build.Run("--target", "Clean", "--artifacts", artifacts);

        Assert.Equal($"Error: --artifacts '{artifacts}' is the repository root itself: Clean would delete the whole checkout; use a folder of its own inside the repository, such as artifacts or out/ci1.", AssertRefused(run));
    }

    [Fact]
    public void A_folder_outside_the_repository_is_refused_and_left_as_it_was()
    {
        var relative = Path.GetRelativePath(_build.Root, _outside.FullName);

        var run = _build.Run("--target", "Clean", "--artifacts", relative);
        var absolute = _build.Run("--target", "Clean", "--artifacts", _outside.FullName);

        Assert.Contains($"leads to {_outside.FullName}, outside the repository", AssertRefused(run), StringComparison.Ordinal);
        Assert.Contains("outside the repository", AssertRefused(absolute), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_that_leads_out_of_the_repository_is_refused()
    {
        Directory.CreateSymbolicLink(_build.Path("out-link"), _outside.FullName);

        var run = _build.Run("--target", "Clean", "--artifacts", "out-link");

        Assert.Contains($"--artifacts 'out-link' leads to {_outside.FullName}, outside the repository", AssertRefused(run), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_back_to_the_root_is_refused_as_the_root()
    {
        Directory.CreateSymbolicLink(_build.Path("here"), ".");

        var run = _build.Run("--target", "Clean", "--artifacts", "here");

        Assert.Contains("--artifacts 'here' is the repository root itself", AssertRefused(run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src", "is the repository's src folder")]
    [InlineData("tests", "is the repository's tests folder")]
    [InlineData("build", "is the repository's build folder")]
    [InlineData("terraform", "is the repository's terraform folder")]
    [InlineData(".git", "is the repository's .git folder")]
    [InlineData(".build", "is the repository's .build folder")]
    [InlineData(".git/refs", "leads into .git")]
    [InlineData(".build/terraform/state", "leads into .build")]
    [InlineData("src/App/out", "leads into src")]
    public void The_repositorys_own_folders_and_what_lies_in_them_are_refused(string artifacts, string reason)
    {
        var run = _build.Run("--target", "Clean", "--artifacts", artifacts);

        var line = AssertRefused(run);
        Assert.StartsWith($"Error: --artifacts '{artifacts}' {reason}: ", line, StringComparison.Ordinal);
        Assert.Contains(OwnFolders, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_holding_files_git_tracks_is_refused()
    {
        var run = _build.Run("--target", "Clean", "--artifacts", "docs");

        Assert.Equal("Error: --artifacts 'docs' holds 1 file(s) git tracks (first: docs/guide.md): Clean would delete them; use a folder of its own inside the repository, such as artifacts or out/ci1.", AssertRefused(run));
    }

    [Fact]
    public void A_file_is_refused()
    {
        var run = _build.Run("--target", "Clean", "--artifacts", "App.sln");

        Assert.StartsWith("Error: --artifacts 'App.sln' is a file, not a folder", AssertRefused(run), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_nested_folder_receives_every_output_and_Clean_empties_only_it()
    {
        var run = _build.Run("--target", "Version", "--artifacts", "out/ci1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(_build.Path("out", "ci1", "version.json")), run.ToString());
        Assert.True(File.Exists(_build.Path("out", "ci1", "build-report.json")), run.ToString());
        Assert.False(Directory.Exists(_build.Artifacts), "an output went to artifacts/ instead of --artifacts");

        var clean = _build.Run("--target", "Clean", "--artifacts", "out/ci1");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.False(File.Exists(_build.Path("out", "ci1", "version.json")), clean.ToString());
        Assert.False(Directory.Exists(_build.Path(".build", "previous", "out", "ci1")), "Clean left the earlier outputs it had moved aside");
        AssertCheckoutIntact();
    }

    public string AssertRefused(BuildProcessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.DoesNotContain($"of {_build.Root} for environment", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.Trim().Length == 0, "a refused --artifacts printed more than its error line:\n" + run.Output);
        Assert.True(File.Exists(Path.Combine(_outside.FullName, "precious.txt")), "a folder outside the repository was emptied");
        Assert.False(Directory.Exists(_build.Path(".build")), "a refused run wrote into .build");
        AssertCheckoutIntact();
        return line;
    }

    private void AssertCheckoutIntact()
    {
        foreach (var path in new[] { ".git/HEAD", "App.sln", ".gitignore", "src/Program.cs", "docs/guide.md" })
        {
            Assert.True(File.Exists(_build.Path(path.Split('/'))), $"{path} was deleted");
        }
    }
}

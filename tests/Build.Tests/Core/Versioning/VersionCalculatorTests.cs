using Build.Core.Versioning;
using Build.Tests.Support;
using Build.Tools.Git;
using Cake.Core;

namespace Build.Tests.Core.Versioning;

public sealed class VersionCalculatorTests : IDisposable
{
    private readonly TempGitRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private BuildVersion Calculate(string? versionOverride = null, string? path = null) =>
        new VersionCalculator(new GitRepository(path ?? _repo.Path)).Calculate(versionOverride);

    [Fact]
    public void Without_a_tag_the_version_is_zero_with_the_commit_height()
    {
        _repo.Commits(3);

        var version = Calculate();

        Assert.Equal("0.0.0-alpha.0.3", version.Version);
        Assert.Equal(VersionSource.Height, version.Source);
        Assert.Equal(3, version.Height);
        Assert.Null(version.Tag);
    }

    [Fact]
    public void On_a_release_tag_the_version_is_the_tag()
    {
        _repo.Commits(2);
        var sha = _repo.Commit();
        _repo.Tag("v1.4.2");

        var version = Calculate();

        Assert.Equal("1.4.2", version.Version);
        Assert.Equal("v1.4.2", version.Tag);
        Assert.Equal(sha, version.Commit);
        Assert.True(version.IsTaggedRelease);
        Assert.Equal($"1.4.2+{sha[..12]}", version.InformationalVersion);
    }

    [Fact]
    public void After_a_release_tag_the_version_is_the_next_patch_with_the_height()
    {
        _repo.Commit();
        _repo.Tag("v1.4.2", annotated: true);
        _repo.Commits(2);

        var version = Calculate();

        Assert.Equal("1.4.3-alpha.0.2", version.Version);
        Assert.Equal(2, version.Height);
        Assert.False(version.IsTaggedRelease);
    }

    [Fact]
    public void After_a_pre_release_tag_the_height_is_appended_to_it()
    {
        _repo.Commit();
        _repo.Tag("v2.0.0-rc.1");
        _repo.Commit();

        Assert.Equal("2.0.0-rc.1.1", Calculate().Version);
    }

    [Fact]
    public void On_a_pre_release_tag_the_version_is_the_tag_and_is_not_a_release()
    {
        _repo.Commit();
        _repo.Tag("v2.0.0-rc.2");

        var version = Calculate();

        Assert.Equal("2.0.0-rc.2", version.Version);
        Assert.False(version.IsTaggedRelease);
    }

    [Fact]
    public void Of_several_tags_on_one_commit_the_highest_version_wins()
    {
        _repo.Commit();
        _repo.Tag("v1.10.0");
        _repo.Tag("v1.9.0");
        _repo.Tag("v1.10.0-rc.1");

        Assert.Equal("1.10.0", Calculate().Version);
    }

    [Fact]
    public void Tags_that_are_not_versions_are_ignored()
    {
        _repo.Commit();
        _repo.Tag("v1.0.0");
        _repo.Commit();
        _repo.Tag("release-candidate");
        _repo.Tag("vnext");

        Assert.Equal("1.0.1-alpha.0.1", Calculate().Version);
    }

    [Fact]
    public void The_nearest_tag_counts_not_the_highest_in_history()
    {
        _repo.Commit();
        _repo.Tag("v3.0.0");
        _repo.Commit();
        _repo.Tag("v3.1.0");
        _repo.Commits(4);

        var version = Calculate();

        Assert.Equal("3.1.1-alpha.0.4", version.Version);
        Assert.Equal("v3.1.0", version.Tag);
    }

    [Fact]
    public void A_dirty_tree_is_reported_and_marked_in_the_informational_version()
    {
        _repo.Commit();
        _repo.Tag("v1.0.0");
        _repo.MakeDirty();

        var version = Calculate();

        Assert.True(version.IsDirty);
        Assert.EndsWith(".dirty", version.InformationalVersion, StringComparison.Ordinal);
        Assert.False(version.IsTaggedRelease);
    }

    [Fact]
    public void A_new_file_git_does_not_ignore_makes_the_tree_dirty_and_an_ignored_one_does_not()
    {
        _repo.Commit();
        File.WriteAllText(Path.Combine(_repo.Path, ".gitignore"), "artifacts/\n");
        _repo.Git("add", ".gitignore");
        _repo.Git("commit", "-q", "-m", "ignore artifacts");
        Directory.CreateDirectory(Path.Combine(_repo.Path, "artifacts"));
        File.WriteAllText(Path.Combine(_repo.Path, "artifacts", "report.json"), "{}");

        Assert.False(Calculate().IsDirty);

        File.WriteAllText(Path.Combine(_repo.Path, "NewFeature.cs"), "class NewFeature {}");

        Assert.True(Calculate().IsDirty);
    }

    [Fact]
    public void A_clean_tree_is_not_dirty()
    {
        _repo.Commit();

        Assert.False(Calculate().IsDirty);
    }

    [Fact]
    public void A_shallow_clone_is_detected()
    {
        _repo.Commit();
        _repo.Tag("v1.0.0");
        _repo.Commits(3);
        using var clone = _repo.ShallowClone(depth: 1);

        var shallow = Calculate(path: clone.Path);
        var full = Calculate();

        Assert.True(shallow.IsShallowClone);
        Assert.False(full.IsShallowClone);
        Assert.Equal("1.0.1-alpha.0.3", full.Version);
    }

    [Theory]
    [InlineData("3.0.0", "3.0.0")]
    [InlineData("v3.0.0-beta.2", "3.0.0-beta.2")]
    [InlineData("3.0.0+build.7", "3.0.0")]
    public void A_valid_override_wins(string value, string expected)
    {
        _repo.Commit();
        _repo.Tag("v1.0.0");

        var version = Calculate(value);

        Assert.Equal(expected, version.Version);
        Assert.Equal(VersionSource.Override, version.Source);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("01.2.3")]
    [InlineData("latest")]
    public void An_invalid_override_is_a_usage_error(string value)
    {
        _repo.Commit();

        var error = Assert.Throws<CakeException>(() => Calculate(value));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_repository_the_version_is_zero_and_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("build-tests-nogit-");
        try
        {
            var version = Calculate(path: folder.FullName);

            Assert.Equal(VersionSource.NoRepository, version.Source);
            Assert.Equal("0.0.0-alpha.0", version.Version);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

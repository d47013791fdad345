using Build.Parameters;
using Build.Stages.Release;
using Build.Tests.Support;
using Build.Tools.Git;
using Cake.Core;

namespace Build.Tests.Stages.Release;

/// <summary>The release plan straight from a repository, for what the end-to-end tests do not reach.</summary>
public sealed class ReleasePreconditionTests : IDisposable
{
    private readonly TempGitRepository _repository = new();
    private readonly string _remote = Directory.CreateTempSubdirectory("build-tests-remote-").FullName;

    public ReleasePreconditionTests()
    {
        TempGitRepository.Run(_remote, "init", "--quiet", "--bare", "--initial-branch=main");
        _repository.Commit();
    }

    public void Dispose()
    {
        _repository.Dispose();
        Directory.Delete(_remote, recursive: true);
    }

    [Fact]
    public void A_repository_without_origin_is_refused()
    {
        var error = Assert.Throws<CakeException>(() => Plan());

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("Release refused: this repository has no remote 'origin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_commits_since_the_last_tag_is_nothing_to_release()
    {
        _repository.Tag("v1.0.0", annotated: true);
        Publish();

        var error = Assert.Throws<CakeException>(() => Plan());

        Assert.Equal("Release refused: there is nothing to release: no commits since v1.0.0.", error.Message);
    }

    [Fact]
    public void Without_any_tag_every_commit_counts_and_the_version_is_raised_from_0_0_0()
    {
        _repository.Commit();
        Publish();

        var plan = Plan();

        Assert.Equal("v0.0.1", plan.Tag);
        Assert.Null(plan.Notes.PreviousTag);
        Assert.Equal(2, plan.Notes.Count(ChangeKind.Other));
    }

    [Fact]
    public void The_version_is_raised_above_the_highest_tag_even_one_on_another_branch()
    {
        _repository.Tag("v1.0.0", annotated: true);
        _repository.Git("switch", "--quiet", "-c", "next");
        _repository.Commit();
        _repository.Tag("v2.0.0-rc.1");
        _repository.Git("switch", "--quiet", "main");
        _repository.Commit();
        Publish();

        var plan = Plan();

        Assert.Equal("v2.0.0", plan.Tag);
        Assert.Equal("v1.0.0", plan.Notes.PreviousTag);
    }

    private void Publish()
    {
        _repository.Git("remote", "add", "origin", _remote);
        _repository.Git("push", "--quiet", "--follow-tags", "origin", "main");
    }

    private ReleasePlan Plan() => ReleasePrecondition.PlanRelease(new GitRepository(_repository.Path), ReleaseParameters.Default, null);
}

using System.Text.Json;
using Build.Core.Notifications;
using Build.Core.Versioning;
using Build.Tests.Core.Notifications;
using Build.Tests.Support;
using Build.Tools.Git;

namespace Build.Tests.Stages.Release;

/// <summary>
/// The Release target through the real build app, in a repository whose "origin" is a bare repository in a temporary
/// folder: main is pushed there with the tag v1.0.0, then a feature and a fix follow (pushed too unless a test says not).
/// </summary>
public sealed class ReleaseTargetTests : IDisposable
{
    private readonly BuildProcess _build = new();
    private readonly string _remote = Directory.CreateTempSubdirectory("build-tests-remote-").FullName;

    public ReleaseTargetTests()
    {
        TempGitRepository.Run(_remote, "init", "--quiet", "--bare", "--initial-branch=main");
        File.WriteAllText(_build.Path(".gitignore"), "artifacts/\n.build/\n");
        Git("init", "--quiet", "--initial-branch=main");
        Git("config", "user.email", "tests@example.invalid");
        Git("config", "user.name", "Build Tests");
        Git("config", "commit.gpgsign", "false");
        Git("config", "tag.gpgsign", "false");
        Git("remote", "add", "origin", _remote);
        Commit("chore: start");
        Git("tag", "-a", "v1.0.0", "-m", "v1.0.0");
        Commit("feat(api): add the export endpoint");
        Commit("fix: keep the order of items");
        Git("push", "--quiet", "origin", "main", "v1.0.0");
    }

    public void Dispose()
    {
        _build.Dispose();
        try
        {
            Directory.Delete(_remote, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    [Fact]
    public void Release_creates_and_pushes_the_annotated_tag_with_grouped_notes_and_the_version_is_then_the_tag()
    {
        var head = Git("rev-parse", "HEAD");

        var run = _build.Run("--target", "Release", "--bump", "auto");

        Assert.True(run.ExitCode == 0, run.ToString());
        var remoteTags = TempGitRepository.Run(_remote, "ls-remote", "--tags", _remote);
        Assert.Contains($"{head}\trefs/tags/v1.1.0^{{}}", remoteTags, StringComparison.Ordinal);
        var tagObject = TempGitRepository.Run(_remote, "cat-file", "-p", "v1.1.0");
        Assert.Contains($"object {head}\ntype commit\ntag v1.1.0\n", tagObject, StringComparison.Ordinal);
        var shortSha = head[..7];
        var featureSha = Git("rev-parse", "--short=7", "HEAD~1");
        var expectedNotes = $"# v1.1.0\n\n2 commits since v1.0.0.\n\n## Features\n\n- {featureSha} feat(api): add the export endpoint\n\n## Fixes\n\n- {shortSha} fix: keep the order of items\n";
        Assert.EndsWith("\n\n" + expectedNotes, tagObject + "\n", StringComparison.Ordinal);
        Assert.Equal(expectedNotes, File.ReadAllText(_build.Path("artifacts", "release", "notes.md")));

        using var record = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "release", "release.json")));
        Assert.Equal("1.1.0", record.RootElement.GetProperty("version").GetString());
        Assert.Equal("v1.1.0", record.RootElement.GetProperty("tag").GetString());
        Assert.Equal(head, record.RootElement.GetProperty("commit").GetString());
        Assert.Equal("v1.0.0", record.RootElement.GetProperty("previousTag").GetString());
        Assert.Equal(1, record.RootElement.GetProperty("counts").GetProperty("features").GetInt32());
        Assert.Equal(1, record.RootElement.GetProperty("counts").GetProperty("fixes").GetInt32());
        Assert.Equal(0, record.RootElement.GetProperty("counts").GetProperty("breaking").GetInt32());

        var version = new VersionCalculator(new GitRepository(_build.Root)).Calculate(null);
        Assert.Equal("1.1.0", version.Version);
        Assert.Equal("v1.1.0", version.Tag);
    }

    [Fact]
    public void A_release_posts_one_message_to_the_team_webhook_and_its_url_is_shown_nowhere()
    {
        using var webhook = new FakeTeamWebhook();
        _build.Environment[WebhookNotifier.Variable] = webhook.Url;

        var run = _build.Run("--target", "Release", "--bump", "auto");

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = Assert.Single(webhook.Posts());
        Assert.Matches(@"^Release \S+ \([0-9a-f]{12}\) succeeded — release: v1\.1\.0$", text);
        Assert.Contains("Notified the team (NOTIFY_WEBHOOK_URL): Release", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTeamWebhook.SecretPart, run.All, StringComparison.Ordinal);
        Assert.All(_build.ReadArtifacts(), artifact => Assert.DoesNotContain(FakeTeamWebhook.SecretPart, artifact.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void A_breaking_change_raises_major_and_an_explicit_version_is_tagged_as_given()
    {
        Commit("refactor!: rename the settings");
        Git("push", "--quiet", "origin", "main");

        var preview = _build.Run("--target", "Release", "--release-preview");
        var run = _build.Run("--target", "Release", "--version", "3.0.0-rc.1");

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("Release 2.0.0 (v2.0.0)", preview.Output, StringComparison.Ordinal);
        Assert.Contains("## Breaking changes", preview.Output, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("v1.0.0\nv3.0.0-rc.1", Git("tag", "--list"));
        Assert.Contains("refs/tags/v3.0.0-rc.1", TempGitRepository.Run(_remote, "ls-remote", "--tags", _remote), StringComparison.Ordinal);
    }

    [Fact]
    public void A_preview_prints_the_version_and_notes_and_creates_no_tag()
    {
        var run = _build.Run("--target", "Release", "--release-preview");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Release 1.1.0 (v1.1.0)", run.Output, StringComparison.Ordinal);
        Assert.Contains("- " + Git("rev-parse", "--short=7", "HEAD") + " fix: keep the order of items", run.Output, StringComparison.Ordinal);
        Assert.Contains("no tag was created", run.Output, StringComparison.Ordinal);
        Assert.Equal("v1.0.0", Git("tag", "--list"));
        Assert.DoesNotContain("v1.1.0", TempGitRepository.Run(_remote, "ls-remote", "--tags", _remote), StringComparison.Ordinal);
    }

    [Fact]
    public void Push_tag_false_keeps_the_tag_local()
    {
        var run = _build.Run("--target", "Release", "--push-tag", "false");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("tag", Git("cat-file", "-t", "v1.1.0"));
        Assert.DoesNotContain("v1.1.0", TempGitRepository.Run(_remote, "ls-remote", "--tags", _remote), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dirty_tree_is_refused()
    {
        File.AppendAllText(_build.Path("file.txt"), "uncommitted\n");

        AssertRefused(_build.Run("--target", "Release"), "Release refused: the working tree has uncommitted changes");
    }

    [Fact]
    public void Another_branch_is_refused()
    {
        Git("switch", "--quiet", "-c", "topic");
        Git("push", "--quiet", "origin", "topic");

        AssertRefused(_build.Run("--target", "Release"), "Release refused: HEAD is on branch topic, not on the release branch main");
    }

    [Fact]
    public void The_release_branch_can_be_named()
    {
        Git("switch", "--quiet", "-c", "release/1.x");
        Git("push", "--quiet", "origin", "release/1.x");

        var run = _build.Run("--target", "Release", "--release-branch", "release/1.x", "--push-tag", "false");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("v1.0.0\nv1.1.0", Git("tag", "--list"));
    }

    [Fact]
    public void A_head_not_yet_on_the_remote_is_refused()
    {
        Commit("fix: one more");

        AssertRefused(_build.Run("--target", "Release"), "Release refused: HEAD " + Git("rev-parse", "HEAD")[..12] + " is not on origin/main yet");
    }

    [Fact]
    public void A_tag_that_exists_locally_is_refused()
    {
        Git("tag", "v1.1.0", "HEAD~1");

        AssertRefused(_build.Run("--target", "Release", "--version", "1.1.0"), "Release refused: the tag v1.1.0 already exists in this repository", tags: "v1.0.0\nv1.1.0");
    }

    [Fact]
    public void A_tag_that_exists_only_on_the_remote_is_refused()
    {
        TempGitRepository.Run(_remote, "tag", "v1.1.0", "main~1");

        var run = _build.Run("--target", "Release", "--version", "1.1.0");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("Error: Release refused: the tag v1.1.0 already exists on origin (git ls-remote --tags origin); choose another version.", Assert.Single(run.ErrorLines));
        Assert.Equal(Git("rev-parse", "HEAD~1"), TempGitRepository.Run(_remote, "rev-parse", "v1.1.0"));
    }

    [Fact]
    public void A_version_not_greater_than_every_release_tag_is_refused()
    {
        AssertRefused(_build.Run("--target", "Release", "--version", "0.9.0"), "Release refused: 0.9.0 is not greater than the existing release v1.0.0");
    }

    [Fact]
    public void A_version_and_a_bump_together_are_a_usage_error()
    {
        var run = _build.Run("--target", "Release", "--version", "2.0.0", "--bump", "minor");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("give one of them", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("v1.0.0", Git("tag", "--list"));
    }

    [Fact]
    public void A_shallow_clone_is_refused()
    {
        using var shallow = new BuildProcess();
        File.Delete(shallow.Path("App.sln"));
        TempGitRepository.Run(shallow.Root, "init", "--quiet", "--initial-branch=main");
        TempGitRepository.Run(shallow.Root, "remote", "add", "origin", _remote);
        TempGitRepository.Run(shallow.Root, "fetch", "--quiet", "--depth", "1", "origin", "main");
        TempGitRepository.Run(shallow.Root, "checkout", "--quiet", "-B", "main", "FETCH_HEAD");
        Assert.Equal("true", TempGitRepository.Run(shallow.Root, "rev-parse", "--is-shallow-repository"));

        var run = shallow.Run("--target", "Release");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("Error: Release refused: this is a shallow clone", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", TempGitRepository.Run(shallow.Root, "tag", "--list"));
    }

    private void AssertRefused(BuildProcessRun run, string reasonStart, string tags = "v1.0.0")
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("Error: " + reasonStart, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(tags, Git("tag", "--list"));
        Assert.Equal("refs/tags/v1.0.0\nrefs/tags/v1.0.0^{}", string.Join('\n', TempGitRepository.Run(_remote, "ls-remote", "--tags", _remote).Split('\n').Select(line => line.Split('\t')[1])));
        Assert.False(Directory.Exists(_build.Path("artifacts", "release")));
    }

    private string Git(params string[] arguments) => TempGitRepository.Run(_build.Root, arguments);

    private void Commit(string message)
    {
        File.AppendAllText(_build.Path("file.txt"), message + "\n");
        Git("add", "-A");
        Git("commit", "--quiet", "-m", message);
    }
}

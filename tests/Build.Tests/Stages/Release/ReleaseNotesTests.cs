using Build.Stages.Release;
using Build.Tools.Git;

namespace Build.Tests.Stages.Release;

public sealed class ReleaseNotesTests
{
    [Fact]
    public void Notes_group_the_commits_with_their_short_sha_and_subject_and_leave_out_empty_groups()
    {
        var notes = ReleaseNotes.Of("v1.1.0", "v1.0.0",
        [
            new GitCommit("aaaaaaaaaa", "feat: export", ""),
            new GitCommit("bbbbbbbbbb", "docs: readme", ""),
            new GitCommit("cccccccccc", "feat!: drop v1", ""),
        ]);

        Assert.Equal(
            "# v1.1.0\n\n3 commits since v1.0.0.\n\n## Breaking changes\n\n- ccccccc feat!: drop v1\n\n## Features\n\n- aaaaaaa feat: export\n\n## Other\n\n- bbbbbbb docs: readme\n",
            notes.ToMarkdown());
        Assert.Equal(1, notes.Count(ChangeKind.Breaking));
        Assert.Equal(0, notes.Count(ChangeKind.Fix));
    }
}

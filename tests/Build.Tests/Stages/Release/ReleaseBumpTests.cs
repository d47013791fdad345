using Build.Core.Versioning;
using Build.Stages.Release;

namespace Build.Tests.Stages.Release;

public sealed class ReleaseBumpTests
{
    [Theory]
    [InlineData("feat: add export", "", ChangeKind.Feature)]
    [InlineData("feat(api): add export", "", ChangeKind.Feature)]
    [InlineData("fix: off by one", "", ChangeKind.Fix)]
    [InlineData("fix(ui): off by one", "", ChangeKind.Fix)]
    [InlineData("docs: readme", "", ChangeKind.Other)]
    [InlineData("chore(deps): bump", "", ChangeKind.Other)]
    [InlineData("Update the readme", "", ChangeKind.Other)]
    [InlineData("feat!: drop the v1 API", "", ChangeKind.Breaking)]
    [InlineData("refactor(core)!: rename", "", ChangeKind.Breaking)]
    [InlineData("fix: keep ids stable", "Longer text.\n\nBREAKING CHANGE: ids are now GUIDs", ChangeKind.Breaking)]
    [InlineData("feat: x", "BREAKING-CHANGE: y", ChangeKind.Breaking)]
    [InlineData("feat: mention breaking change", "this is not a BREAKING CHANGE: footer", ChangeKind.Feature)]
    [InlineData("feat:no space", "", ChangeKind.Other)]
    public void A_commit_is_classified_by_its_conventional_type(string subject, string body, ChangeKind expected) =>
        Assert.Equal(expected, ConventionalCommit.Classify(subject, body));

    [Theory]
    [InlineData("1.4.2", new[] { ChangeKind.Fix }, "1.4.3")]
    [InlineData("1.4.2", new[] { ChangeKind.Other }, "1.4.3")]
    [InlineData("1.4.2", new[] { ChangeKind.Fix, ChangeKind.Feature, ChangeKind.Other }, "1.5.0")]
    [InlineData("1.4.2", new[] { ChangeKind.Feature, ChangeKind.Breaking }, "2.0.0")]
    [InlineData("0.4.2", new[] { ChangeKind.Breaking }, "0.5.0")]
    [InlineData("0.4.2", new[] { ChangeKind.Feature }, "0.5.0")]
    [InlineData("0.4.2", new[] { ChangeKind.Fix }, "0.4.3")]
    [InlineData("0.0.0", new[] { ChangeKind.Fix }, "0.0.1")]
    [InlineData("2.0.0-rc.1", new[] { ChangeKind.Fix }, "2.0.0")]
    [InlineData("2.0.0-rc.1", new[] { ChangeKind.Breaking }, "2.0.0")]
    [InlineData("2.1.3-rc.1", new[] { ChangeKind.Feature }, "2.2.0")]
    public void Auto_raises_the_largest_change_and_a_breaking_change_before_1_0_0_raises_minor(string current, ChangeKind[] changes, string expected)
    {
        Assert.True(SemanticVersion.TryParse(current, out var version));

        Assert.Equal(expected, ReleaseBump.Next(version, "auto", changes).ToShortString());
    }

    [Theory]
    [InlineData("1.4.2", "patch", "1.4.3")]
    [InlineData("1.4.2", "minor", "1.5.0")]
    [InlineData("1.4.2", "major", "2.0.0")]
    [InlineData("0.4.2", "major", "1.0.0")]
    public void A_named_bump_raises_that_part_whatever_the_commits_say(string current, string bump, string expected)
    {
        Assert.True(SemanticVersion.TryParse(current, out var version));

        Assert.Equal(expected, ReleaseBump.Next(version, bump, [ChangeKind.Breaking]).ToShortString());
    }
}

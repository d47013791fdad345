using Build.Parameters;
using Build.Stages.Image;
using Build.Stages.Push;
using Cake.Core;

namespace Build.Tests.Stages.Push;

/// <summary>The never-overwrite rule, and its one exception: the commit tag keeps the first image of its commit.</summary>
public sealed class ExistingTagsTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private const string ThisImage = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string OtherImage = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string Repository = "registry.example/app-dev";

    private static readonly ImageBuildResult Image = new(
        ThisImage, "app", ["1.4.0", "0123456789ab"], 0, "base", ImageBuildModes.Prebuilt, ImageBuilders.Legacy, [], new Dictionary<string, string> { [OciLabels.Revision] = Commit });

    [Fact]
    public async Task Missing_tags_are_all_to_be_written()
    {
        var check = await ExistingTags.CheckAsync(Image, Repository, Registry([]), CancellationToken.None);

        Assert.Null(check.Digest);
        Assert.Equal(["1.4.0", "0123456789ab"], check.Missing);
        Assert.Null(check.KeptWarning(Repository));
    }

    [Fact]
    public async Task A_version_tag_holding_another_image_is_refused()
    {
        var failure = await Assert.ThrowsAsync<CakeException>(() => ExistingTags.CheckAsync(Image, Repository, Registry(new() { ["1.4.0"] = new("sha256:d2", OtherImage) }), CancellationToken.None));

        Assert.StartsWith($"{Repository}:1.4.0 already exists with digest sha256:d2, a different image", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commit_tag_holding_another_image_of_the_commit_is_kept_and_the_image_gets_its_version_tag_only()
    {
        var check = await ExistingTags.CheckAsync(Image, Repository, Registry(new() { ["0123456789ab"] = new("sha256:d2", OtherImage) }), CancellationToken.None);

        Assert.Equal(["0123456789ab"], check.Kept);
        Assert.Equal(["1.4.0"], check.Tags);
        Assert.Equal(["1.4.0"], check.Missing);
        Assert.StartsWith($"{Repository}:0123456789ab keeps the image it holds", check.KeptWarning(Repository), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_already_holding_this_image_are_present_and_not_written_again()
    {
        var check = await ExistingTags.CheckAsync(Image, Repository, Registry(new() { ["1.4.0"] = new("sha256:d1", ThisImage), ["0123456789ab"] = new("sha256:d1", ThisImage) }), CancellationToken.None);

        Assert.Equal("sha256:d1", check.Digest);
        Assert.Empty(check.Missing);
    }

    [Fact]
    public async Task A_promotion_compares_manifest_digests_and_keeps_the_same_commit_tag_rule()
    {
        var registry = Registry(new() { ["0123456789ab"] = new("sha256:older", OtherImage) });

        var check = await ExistingTags.CheckAsync("sha256:promoted", ["1.4.0", "0123456789ab"], "0123456789ab", Repository, registry, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<CakeException>(() => ExistingTags.CheckAsync("sha256:promoted", ["1.4.0", "0123456789ab"], "0123456789ab", Repository, Registry(new() { ["1.4.0"] = new("sha256:older", OtherImage) }), CancellationToken.None));

        Assert.Equal(["1.4.0"], check.Tags);
        Assert.Contains("this one digest sha256:promoted", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_whose_only_tag_would_be_kept_is_refused_asking_for_a_version_of_its_own()
    {
        var failure = await Assert.ThrowsAsync<CakeException>(() => ExistingTags.CheckAsync("sha256:x", ["0123456789ab"], "0123456789ab", Repository, Registry(new() { ["0123456789ab"] = new("sha256:y", OtherImage) }), CancellationToken.None));

        Assert.Contains($"pass a --{ArgumentNames.Version} of its own", failure.Message, StringComparison.Ordinal);
    }

    private static Func<string, CancellationToken, Task<ExistingTags.StoredTag?>> Registry(Dictionary<string, ExistingTags.StoredTag> tags) =>
        (tag, _) => Task.FromResult(tags.GetValueOrDefault(tag));
}

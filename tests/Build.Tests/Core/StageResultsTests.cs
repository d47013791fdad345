using Build.Core;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Push;
using Cake.Core;

namespace Build.Tests.Core;

public sealed class StageResultsTests
{
    private readonly StageResults _results = new();

    [Fact]
    public void A_published_result_is_what_later_stages_get()
    {
        var pushed = Pushed("sha256:1");

        _results.Set(pushed);

        Assert.Same(pushed, _results.Get<PushedImage>());
        Assert.Same(pushed, _results.TryGet<PushedImage>());
    }

    [Fact]
    public void A_result_this_run_did_not_produce_fails_with_one_line_naming_the_target_that_produces_it()
    {
        _results.Set(Pushed("sha256:1"));

        var image = Assert.Throws<CakeException>(() => _results.Get<ImageBuildResult>());
        var plan = Assert.Throws<CakeException>(() => _results.Get<PlanResult>());

        Assert.Equal("No image was built in this run: run the Image target (ImageScan and Push depend on it).", image.Message);
        Assert.StartsWith("There is no plan from this run to apply: run Plan and Apply together", plan.Message, StringComparison.Ordinal);
        Assert.Null(_results.TryGet<ImageBuildResult>());
    }

    [Fact]
    public void Asking_for_a_push_names_the_Push_target()
    {
        var error = Assert.Throws<CakeException>(() => _results.Get<PushedImage>());

        Assert.Equal("No image was pushed in this run: run the Push target.", error.Message);
        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public void A_stage_publishes_its_result_once_a_second_one_is_refused_and_the_first_kept()
    {
        var first = Pushed("sha256:1");
        _results.Set(first);

        var error = Assert.Throws<InvalidOperationException>(() => _results.Set(Pushed("sha256:2")));

        Assert.Equal("A PushedImage was already published in this run: a stage publishes its result once.", error.Message);
        Assert.Same(first, _results.Get<PushedImage>());
    }

    private static PushedImage Pushed(string digest) => new("127.0.0.1:5000", "app", digest, ["1.0.0"], 1000, []);
}

using Build.Stages.Deploy.Ecs;

namespace Build.Tests.Stages.Deploy.Ecs;

public sealed class EcsImageReferenceTests
{
    private static readonly string Digest = "sha256:" + new string('0', 64);

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app")]
    [InlineData("127.0.0.1:5000/team/app")]
    [InlineData("app")]
    public void A_repository_at_a_digest_is_accepted(string repository)
    {
        Assert.True(EcsImageReference.IsDigest($"{repository}@{Digest}"));
        EcsImageReference.RequireDigest($"{repository}@{Digest}", "c/s");
    }

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2.3")]
    [InlineData("127.0.0.1:5000/app:latest")]
    [InlineData("app")]
    [InlineData("app@sha256:0123")]
    [InlineData("app@sha512:00")]
    public void A_tag_or_a_malformed_digest_is_not(string image)
    {
        var error = Assert.Throws<EcsDeployFailedException>(() => EcsImageReference.RequireDigest(image, "app-dev/app-dev"));

        Assert.Equal(EcsDeployFailureKind.Refused, error.Kind);
        Assert.Equal(
            $"Deploy to ECS service app-dev/app-dev refused: '{image}' is not an image by digest (repository@sha256:<64 hex>, no tag); a tag can move, so ECS deploys exactly what Push recorded.",
            error.Message);
    }

    [Fact]
    public void A_tag_next_to_the_digest_is_refused_too()
    {
        Assert.False(EcsImageReference.IsDigest($"127.0.0.1:5000/app:1.2.3@{Digest}"));
    }
}

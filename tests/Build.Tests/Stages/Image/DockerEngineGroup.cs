namespace Build.Tests.Stages.Image;

/// <summary>The tests that use the real docker engine share one fixture and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DockerEngineGroup : ICollectionFixture<DockerEngineFixture>
{
    public const string Name = "docker engine";
}

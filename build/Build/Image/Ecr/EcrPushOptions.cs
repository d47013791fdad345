using Build.Docker;
using Cake.Core.IO;

namespace Build.Image.Ecr;

/// <summary>How <see cref="EcrPublisher"/> pushes: where its short-lived docker config folders go, and the push retry settings.</summary>
public sealed record EcrPushOptions(DirectoryPath ScratchDirectory)
{
    public Func<DockerPushSettings> PushSettings { get; init; } = () => new DockerPushSettings();
}

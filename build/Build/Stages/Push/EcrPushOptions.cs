using Build.Tools.Docker;
using Cake.Core.IO;

namespace Build.Stages.Push;

/// <summary>How <see cref="EcrPublisher"/> pushes: where its short-lived docker config folders go, and the push retry settings.</summary>
public sealed record EcrPushOptions(DirectoryPath ScratchDirectory)
{
    public Func<DockerPushSettings> PushSettings { get; init; } = () => new DockerPushSettings();
}

using Build.Docker;
using Cake.Core.IO;

namespace Build.Image.Ecr;

/// <summary>How <see cref="EcrPublisher"/> pushes: where the short-lived docker config goes, and the push retry settings.</summary>
public sealed record EcrPushOptions(DirectoryPath DockerConfigDirectory)
{
    public Func<DockerPushSettings> PushSettings { get; init; } = () => new DockerPushSettings();
}

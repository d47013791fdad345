using Build.Core;

namespace Build.Stages.Deploy;

/// <summary>A successful local deploy: the container that now runs, where it answers, what it replaced, and how long it took to become healthy.</summary>
public sealed record LocalDeployment(string ContainerName, string ContainerId, string Image, Uri Url, string? Version, string? PreviousImage, TimeSpan TimeToHealthy, IReadOnlyList<string> Checks) : IStageResult
{
    public static string Missing => "Nothing was deployed in this run: the Deploy target deploys.";
}

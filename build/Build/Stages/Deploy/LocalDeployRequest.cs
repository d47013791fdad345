namespace Build.Stages.Deploy;

/// <summary>What to run locally and how to judge it: the image (by digest), the version /version must report, the container's name and host port, and how long it may take to answer /health.</summary>
public sealed record LocalDeployRequest(string Image, string? ExpectedVersion, string ContainerName, int Port, TimeSpan HealthTimeout)
{
    /// <summary>Gets the name the running container has while the new one is tried (stopped, kept for the rollback).</summary>
    public string PreviousName => $"{ContainerName}-previous";

    public Uri Url => new($"http://127.0.0.1:{Port}/");
}

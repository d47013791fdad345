namespace Build.Tools.Docker;

/// <summary>Whether a docker engine answered (its version, or the client's error) and whether buildx (BuildKit) is available.</summary>
public sealed record DockerEngineStatus(string? ServerVersion, string? Error, bool HasBuildx)
{
    public bool IsRunning => ServerVersion is not null;
}

namespace Build.Stages.Infrastructure;

/// <summary>
/// One command Deploy runs as a one-off ECS task before the service is updated: <paramref name="Name"/> says what it is
/// ("backup", "migration"), <paramref name="Command"/> replaces the container's CMD (the image's ENTRYPOINT stays, so
/// for the sample app <c>["migrate"]</c> runs <c>/app/App migrate</c>).
/// </summary>
public sealed record PreDeployTask(string Name, IReadOnlyList<string> Command)
{
    /// <summary>Gets the command as one word list for messages ("migrate --dry-run").</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CommandLine => string.Join(' ', Command);
}

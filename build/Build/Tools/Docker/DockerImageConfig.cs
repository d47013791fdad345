namespace Build.Tools.Docker;

/// <summary>An image's run configuration: user, environment, labels, ports, health check, entry point.</summary>
public sealed record DockerImageConfig(
    string? User,
    IReadOnlyList<string>? Env,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyDictionary<string, object>? ExposedPorts,
    DockerHealthcheck? Healthcheck,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string>? Cmd,
    string? WorkingDir)
{
    public IReadOnlyList<string> Environment => Env ?? [];

    public IReadOnlyDictionary<string, string> LabelsOrEmpty => Labels ?? new Dictionary<string, string>();

    /// <summary>Gets the environment as name/value pairs (<c>NAME=value</c> split at the first '=').</summary>
    public IEnumerable<KeyValuePair<string, string>> EnvironmentVariables =>
        Environment.Select(entry => entry.Split('=', 2)).Select(parts => KeyValuePair.Create(parts[0], parts.Length > 1 ? parts[1] : ""));

    internal DockerImageConfig Normalise() => this with
    {
        Env = Env ?? [],
        Labels = Labels ?? new Dictionary<string, string>(),
        ExposedPorts = ExposedPorts ?? new Dictionary<string, object>(),
    };
}

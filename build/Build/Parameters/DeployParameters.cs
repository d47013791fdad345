namespace Build.Parameters;

/// <summary>
/// Parameters of Deploy: <c>--deploy-port</c>, the host port (on 127.0.0.1) of the local environment's container
/// (default 8080), <c>--health-timeout</c>, the seconds a new container has to answer /health (default 60), and
/// <c>--deploy-timeout</c>, the seconds an ECS rollout (and, after a failed smoke test, our rollback) may take (default 900).
/// </summary>
public sealed record DeployParameters(int Port, TimeSpan HealthTimeout, TimeSpan Timeout)
{
    public const int DefaultPort = 8080;
    public const int DefaultHealthTimeoutSeconds = 60;
    public const int DefaultTimeoutSeconds = 900;

    public static readonly DeployParameters Default = new(DefaultPort, TimeSpan.FromSeconds(DefaultHealthTimeoutSeconds), TimeSpan.FromSeconds(DefaultTimeoutSeconds));

    public static DeployParameters Parse(ArgumentReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new DeployParameters(
            reader.Number(ParameterTable.DeployPort),
            TimeSpan.FromSeconds(reader.Number(ParameterTable.HealthTimeout)),
            TimeSpan.FromSeconds(reader.Number(ParameterTable.DeployTimeout)));
    }
}

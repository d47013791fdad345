namespace Build.Parameters;

/// <summary>The values of <c>--environment</c>: <c>local</c> needs no cloud account; the others are ECS services on AWS.</summary>
public static class EnvironmentNames
{
    public const string Local = "local";
    public const string Dev = "dev";
    public const string Staging = "staging";
    public const string Prod = "prod";

    public static readonly IReadOnlyList<string> All = [Local, Dev, Staging, Prod];
}

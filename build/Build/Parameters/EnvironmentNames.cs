namespace Build.Parameters;

/// <summary>The environments the graph can target; <c>local</c> needs no cloud account.</summary>
public static class BuildEnvironments
{
    public const string Local = "local";
    public const string Dev = "dev";
    public const string Staging = "staging";
    public const string Prod = "prod";

    public static readonly IReadOnlyList<string> All = [Local, Dev, Staging, Prod];
}

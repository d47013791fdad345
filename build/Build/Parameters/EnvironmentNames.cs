namespace Build.Parameters;

/// <summary>The values of <c>--environment</c>: <c>local</c> needs no cloud account; the others are ECS services on AWS.</summary>
public static class EnvironmentNames
{
    public const string Local = "local";
    public const string Dev = "dev";
    public const string Staging = "staging";
    public const string Prod = "prod";

    public static readonly IReadOnlyList<string> All = [Local, Dev, Staging, Prod];

    /// <summary>Whether <paramref name="name"/> is the environment on this machine; the build asks it once, when it resolves
    /// the environment (and the image parameters, for their default base).</summary>
    public static bool IsLocal(string name) => name == Local;
}

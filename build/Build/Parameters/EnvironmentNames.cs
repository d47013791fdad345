namespace Build.Parameters;

/// <summary>The values of <c>--environment</c>: <c>local</c> needs no cloud account; the others are ECS services on AWS.</summary>
public static class EnvironmentNames
{
    public const string Local = "local";
    public const string Dev = "dev";
    public const string Staging = "staging";
    public const string Prod = "prod";

    public static readonly IReadOnlyList<string> All = [Local, Dev, Staging, Prod];

    /// <summary>The cloud environments in release order: an image reaches one only from the one before it (Promote).</summary>
    public static readonly IReadOnlyList<string> PromotionChain = [Dev, Staging, Prod];

    /// <summary>The environments an image can be promoted from (all of the chain but its last).</summary>
    public static readonly IReadOnlyList<string> PromotionSources = [.. PromotionChain.SkipLast(1)];

    /// <summary>The environment <paramref name="name"/> takes its images from; null for the first of the chain and for local.</summary>
    public static string? PromotedFrom(string name)
    {
        var index = PromotionChain.ToList().IndexOf(name);
        return index > 0 ? PromotionChain[index - 1] : null;
    }

    /// <summary>Whether <paramref name="name"/> is the environment on this machine; the build asks it once, when it resolves
    /// the environment (and the image parameters, for their default base).</summary>
    public static bool IsLocal(string name) => name == Local;
}

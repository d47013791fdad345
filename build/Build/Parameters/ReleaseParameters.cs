namespace Build.Parameters;

/// <summary>
/// Parameters of Release: <c>--bump</c> (<c>auto</c>, <c>patch</c>, <c>minor</c> or <c>major</c>), <c>--release-branch</c>
/// (the branch HEAD must be on, default <c>main</c>), <c>--push-tag</c> (default true) and <c>--release-preview</c>.
/// </summary>
public sealed record ReleaseParameters(string Bump, string Branch, bool PushTag, bool Preview)
{
    public const string AutoBump = "auto";
    public const string DefaultBranch = "main";

    /// <summary>The values of <c>--bump</c>.</summary>
    public static readonly IReadOnlyList<string> Bumps = [AutoBump, "patch", "minor", "major"];

    public static readonly ReleaseParameters Default = new(AutoBump, DefaultBranch, PushTag: true, Preview: false);

    /// <summary>Gets whether <c>--bump</c> was given with a value other than <c>auto</c>.</summary>
    public bool BumpGiven => Bump != AutoBump;

    public static ReleaseParameters Parse(ArgumentReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var branch = reader.Text(ParameterTable.ReleaseBranch) ?? DefaultBranch;
        if (branch.Length == 0 || branch.StartsWith('-') || branch.Any(char.IsWhiteSpace))
        {
            throw Core.UsageError.Of($"Invalid --{ArgumentNames.ReleaseBranch} '{branch}': use a branch name such as main.");
        }

        return new ReleaseParameters(
            reader.Choice(ParameterTable.Bump),
            branch,
            reader.Choice(ParameterTable.PushTag) == "true",
            reader.Switch(ParameterTable.ReleasePreview));
    }
}

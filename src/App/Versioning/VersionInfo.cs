using System.Reflection;

namespace App.Versioning;

/// <summary>The version and commit stamped into this assembly by the build.</summary>
public sealed record VersionInfo(string Version, string Commit)
{
    public const string Unknown = "unknown";

    public static VersionInfo Current { get; } = FromAssembly(typeof(VersionInfo).Assembly);

    public static VersionInfo FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);

        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "GitCommit")?.Value;

        return new VersionInfo(
            StripBuildMetadata(informational) ?? Unknown,
            string.IsNullOrWhiteSpace(commit) ? Unknown : commit);
    }

    /// <summary>Drops SemVer build metadata, such as the <c>+sha</c> the SDK appends.</summary>
    public static string? StripBuildMetadata(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return null;
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informationalVersion : informationalVersion[..plus];
    }
}

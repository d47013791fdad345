using System.Text.RegularExpressions;
using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Image;

/// <summary>Where the source lives (for the source label) and when the commit was made (for the created label).</summary>
public sealed partial record SourceFacts(string Url, string CommitTime)
{
    public static SourceFacts Read(ICakeContext context, DirectoryPath root)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(root);
        var github = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repository
            ? $"{Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}"
            : null;
        var (remoteExit, remote) = ProcessCapture.Run(context, "git", new ProcessArgumentBuilder().Append("config").Append("--get").Append("remote.origin.url"), root);
        var url = github ?? (remoteExit == 0 && remote.Count > 0 ? NormaliseRemote(remote[0]) : new Uri(root.FullPath).AbsoluteUri);
        var (timeExit, time) = ProcessCapture.Run(context, "git", new ProcessArgumentBuilder().Append("log").Append("-1").Append("--format=%cI").Append("HEAD"), root);
        var created = timeExit == 0 && time.Count > 0 && DateTimeOffset.TryParse(time[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var commitTime)
            ? commitTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new SourceFacts(url, created);
    }

    /// <summary>A remote as a browsable https URL without credentials: <c>git@host:org/repo.git</c> and <c>ssh://git@host/org/repo</c> become <c>https://host/org/repo</c>.</summary>
    public static string NormaliseRemote(string remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var trimmed = remote.Trim();
        var scp = ScpLike().Match(trimmed);
        if (scp.Success)
        {
            trimmed = $"https://{scp.Groups["host"].Value}/{scp.Groups["path"].Value}";
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.UserInfo.Length > 0 || uri.Scheme is "ssh" or "git"))
        {
            var https = uri.Scheme is "ssh" or "git";
            trimmed = new UriBuilder(uri) { UserName = "", Password = "", Scheme = https ? "https" : uri.Scheme, Port = https ? -1 : uri.Port }.Uri.AbsoluteUri;
        }

        return trimmed.EndsWith(".git", StringComparison.Ordinal) ? trimmed[..^4] : trimmed;
    }

    [GeneratedRegex(@"^(?:[^@/]+@)?(?<host>[^:/]+):(?<path>[^/].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ScpLike();
}

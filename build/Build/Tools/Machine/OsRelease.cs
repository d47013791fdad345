namespace Build.Tools.Machine;

/// <summary>
/// The distribution facts of /etc/os-release (systemd's format: KEY=value lines, values optionally quoted):
/// <c>ID</c>, <c>ID_LIKE</c> (space-separated), <c>VERSION_CODENAME</c>, <c>PRETTY_NAME</c>.
/// </summary>
public sealed record OsRelease(string Id, IReadOnlyList<string> IdLike, string? VersionCodename, string? PrettyName)
{
    public const string DefaultPath = "/etc/os-release";

    /// <summary>Gets a value indicating whether this is Ubuntu or derives from it (its Chromium package is chromium-browser).</summary>
    public bool IsUbuntu => Id == "ubuntu" || IdLike.Contains("ubuntu");

    /// <summary>Gets a value indicating whether apt-get installs Debian's packages here: Debian, Ubuntu or a derivative of either.</summary>
    public bool IsDebianFamily => Id is "debian" or "ubuntu" || IdLike.Contains("debian") || IdLike.Contains("ubuntu");

    /// <summary>Reads the file, or null when there is none (not Linux, or a minimal system without it).</summary>
    public static OsRelease? Read(string path = DefaultPath) => File.Exists(path) ? Parse(File.ReadAllText(path)) : null;

    public static OsRelease Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }

            values[line[..equals].Trim()] = Unquote(line[(equals + 1)..].Trim());
        }

        return new OsRelease(
            values.GetValueOrDefault("ID", "linux").ToLowerInvariant(),
            values.GetValueOrDefault("ID_LIKE", "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries),
            values.GetValueOrDefault("VERSION_CODENAME") is { Length: > 0 } codename ? codename : null,
            values.GetValueOrDefault("PRETTY_NAME"));
    }

    // Shell-style: "..." with \" \\ \$ \` escapes, or '...' taken literally.
    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1];
        }

        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var inner = value[1..^1];
        var unescaped = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '"' or '\\' or '$' or '`')
            {
                i++;
            }

            unescaped.Append(inner[i]);
        }

        return unescaped.ToString();
    }
}

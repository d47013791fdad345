using Build.Parameters;
namespace Build.Stages.Image;

/// <summary>
/// What the air-gapped base is made of: the Debian packages a self-contained .NET app needs (libc, libgcc, libstdc++,
/// OpenSSL, zlib, CA certificates, time zones, base files, netbase), a non-root user <c>app</c> with uid 1654 as in
/// Microsoft's images, a world-writable sticky /tmp, and the environment runtime-deps sets. No shell, no package manager.
/// </summary>
public static class BaseImageRecipe
{
    public const string Repository = "app-base";

    public const int AppUid = 1654;

    public static readonly IReadOnlyList<string> Packages =
        ["libc6", "libgcc-s1", "libstdc++6", "libssl3", "zlib1g", "ca-certificates", "tzdata", "base-files", "netbase"];

    /// <summary>Gets what is left out: glibc's iconv modules (8 MB; .NET never calls iconv) and manuals. Copyright files stay.</summary>
    public static readonly IReadOnlyList<string> Removed = ["usr/lib/x86_64-linux-gnu/gconv", "usr/share/man", "usr/share/info", "usr/share/lintian", "usr/share/gdb"];

    public static readonly IReadOnlyList<string> Environment =
    [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        $"APP_UID={AppUid}",
        "DOTNET_RUNNING_IN_CONTAINER=true",
    ];

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["etc/passwd"] = $"root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:{AppUid}:{AppUid}:app:/home/app:/usr/sbin/nologin\n",
        ["etc/group"] = $"root:x:0:\napp:x:{AppUid}:\n",
        ["etc/nsswitch.conf"] = "passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\nprotocols: files\nservices: files\n",
    };

    /// <summary>Gets the links the openssl package would add, so OpenSSL (and .NET) find the CA bundle.</summary>
    public static readonly IReadOnlyDictionary<string, string> Links = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["usr/lib/ssl/certs"] = "/etc/ssl/certs",
        ["usr/lib/ssl/cert.pem"] = "/etc/ssl/certs/ca-certificates.crt",
    };

    public const string CaBundle = "etc/ssl/certs/ca-certificates.crt";

    public const string CaSource = "usr/share/ca-certificates";

    public static readonly IReadOnlyDictionary<string, (int Uid, int Gid)> Owners = new Dictionary<string, (int Uid, int Gid)>(StringComparer.Ordinal)
    {
        ["home/app"] = (AppUid, AppUid),
    };

    public static readonly IReadOnlyDictionary<string, UnixFileMode> Modes = new Dictionary<string, UnixFileMode>(StringComparer.Ordinal)
    {
        ["tmp"] = (UnixFileMode)Convert.ToInt32("1777", 8),
        ["home/app"] = (UnixFileMode)Convert.ToInt32("0750", 8),
    };

    /// <summary>The tag of the base for this machine's Debian release, read from /etc/os-release.</summary>
    public static string ReferenceForThisMachine() =>
        Reference(File.Exists("/etc/os-release") ? File.ReadAllText("/etc/os-release") : "");

    /// <summary>The tag for the Debian release of this machine, e.g. <c>app-base:debian12</c>.</summary>
    public static string Reference(string osReleaseText)
    {
        ArgumentNullException.ThrowIfNull(osReleaseText);
        var fields = osReleaseText.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim().Trim('"'), StringComparer.Ordinal);
        return fields.GetValueOrDefault("ID") == "debian" && fields.TryGetValue("VERSION_ID", out var version)
            ? $"{Repository}:debian{version}"
            : throw new Cake.Core.CakeException(
                $"BaseImage builds from Debian packages and needs a Debian host with apt (this is '{fields.GetValueOrDefault("PRETTY_NAME") ?? "unknown"}'); elsewhere pass --{ArgumentNames.BaseImage} {ImageParameters.MicrosoftBase}.");
    }
}

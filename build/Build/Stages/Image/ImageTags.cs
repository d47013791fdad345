using System.Text.RegularExpressions;
using Build.Core.Versioning;
using Build.Parameters;
using Cake.Core;

namespace Build.Stages.Image;

/// <summary>The tags of a build: the SemVer version and the 12-character commit. Never <c>latest</c>: tags name one image.</summary>
public static partial class ImageTags
{
    public const string Latest = "latest";

    public static IReadOnlyList<string> For(BuildVersion version) => For(version, DateTimeOffset.UtcNow);

    /// <summary>
    /// A committed tree: the version and the commit. A tree with uncommitted changes builds an image no commit
    /// describes, so it gets one tag of its own, e.g. <c>1.2.3-dirty.20261122021500</c>: pushing it never collides
    /// with (and is never refused by) the tags of the commit's clean image.
    /// </summary>
    public static IReadOnlyList<string> For(BuildVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!version.IsDirty)
        {
            return [Check(version.Version), Check(version.ShortCommit)];
        }

        var separator = version.SemVer.IsPreRelease ? "." : "-";
        return [Check($"{version.Version}{separator}dirty.{now.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    public static string Reference(string repository, string tag) => $"{repository}:{tag}";

    /// <summary>Gets the tag part of <c>host:port/name:tag</c> (null when the reference has none).</summary>
    public static string? TagOf(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? reference[(colon + 1)..] : null;
    }

    private static string Check(string tag) =>
        tag.Equals(Latest, StringComparison.OrdinalIgnoreCase)
            ? throw new CakeException("An image is never tagged 'latest': it would name a different image on every push.")
            : ValidTag().IsMatch(tag)
                ? tag
                : throw new CakeException($"'{tag}' cannot be an image tag (letters, digits, '_', '.', '-'; at most 128 characters); pass a --{ArgumentNames.Version} without build metadata.");

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidTag();
}

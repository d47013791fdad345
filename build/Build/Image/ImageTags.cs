using System.Text.RegularExpressions;
using Build.Versioning;
using Cake.Core;

namespace Build.Image;

/// <summary>The tags of a build: the SemVer version and the 12-character commit. Never <c>latest</c>: tags name one image.</summary>
public static partial class ImageTags
{
    public const string Latest = "latest";

    public static IReadOnlyList<string> For(BuildVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return [Check(version.Version), Check(version.ShortCommit)];
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
                : throw new CakeException($"'{tag}' cannot be an image tag (letters, digits, '_', '.', '-'; at most 128 characters); pass a --version without build metadata.");

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidTag();
}

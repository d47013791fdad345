using System.Globalization;
using System.Text.RegularExpressions;

namespace Build.Tools.Docker;

/// <summary>Reads what <c>docker push</c> prints when it is done: <c>1.0.0: digest: sha256:... size: 1234</c>.</summary>
public static partial class PushOutput
{
    public static PushedManifest? FindManifest(IEnumerable<string> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var match = output.Select(line => DigestLine().Match(line)).LastOrDefault(candidate => candidate.Success);
        return match is null
            ? null
            : new PushedManifest(match.Groups["digest"].Value, long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64}) size: (?<size>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex DigestLine();
}

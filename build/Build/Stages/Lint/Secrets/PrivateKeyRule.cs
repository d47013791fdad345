using System.Text.RegularExpressions;

namespace Build.Stages.Lint.Secrets;

/// <summary>
/// A private key block: <c>-----BEGIN ... PRIVATE KEY-----</c> followed by key material (16 or more base64 characters
/// on the rest of the line, as in a string with <c>\n</c>, or on the next line). A header alone (code or documentation
/// naming the format) is not a finding. The value is the header and the material; only the header's type is public.
/// </summary>
public sealed partial class PrivateKeyRule() : SecretRule("private-key", "a private key block (-----BEGIN ... PRIVATE KEY----- with key material)")
{
    public override IEnumerable<SecretMatch> Find(string line, string? nextLine)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (Match header in Header().Matches(line))
        {
            var rest = line[(header.Index + header.Length)..];
            var material = Material().Match(rest);
            if (!material.Success && nextLine is not null && string.IsNullOrWhiteSpace(Escapes().Replace(rest, "")))
            {
                material = Material().Match(nextLine);
            }

            if (material.Success)
            {
                yield return new SecretMatch(header.Index, header.Value + material.Value, 0);
            }
        }
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?:\s|\\r|\\n|[""'+,])*(?<material>[A-Za-z0-9+/=]{16,})", RegexOptions.CultureInvariant)]
    private static partial Regex Material();

    [GeneratedRegex(@"\\[rn]|[""'+,;\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Escapes();
}

using System.Text;

namespace Build.Core.Secrets;

/// <summary>
/// Every secret value the build reads is registered here once; all build output passes through <see cref="Redact"/>
/// before it is printed or written to an artifact.
/// </summary>
/// <remarks>
/// The rule (README, "Secrets"): every registered value is announced through <see cref="Registered"/> whatever its
/// length, so the CI masks it too. In the build's own text a value of <see cref="MinimumLength"/> characters or more
/// is masked wherever it appears; a shorter one of at least <see cref="MinimumTokenLength"/> only where it stands as a
/// whole token (not next to a letter, digit or '_'): <c>abc123</c> is masked in <c>TOKEN=abc123</c> and in
/// <c>u:abc123@</c>, not inside <c>xabc1234</c>. Values of 1 to 3 characters are not masked inline, which would shred
/// every line; the environment dump hides them by the variable's name and the CI masks them. Every value is also
/// masked in its escaped forms (<see cref="SecretForms"/>), and the userinfo of any URL is masked, registered or not.
/// </remarks>
public sealed class SecretRegistry
{
    public const string Mask = "***";

    /// <summary>Values at least this long are masked wherever they appear, even inside a longer word.</summary>
    public const int MinimumLength = 8;

    /// <summary>Shorter values, down to this length, are masked where they stand as a whole token.</summary>
    public const int MinimumTokenLength = 4;

    private readonly Lock _gate = new();
    private string[] _values = [];
    private Pattern[] _patterns = [];

    /// <summary>Gets every registered value, whatever its length (what the CI is asked to mask).</summary>
    public IReadOnlyCollection<string> Values => _values;

    /// <summary>Raised once for each newly registered secret (e.g. an ECR token read mid-build), so the CI can mask it too.</summary>
    public event Action<string>? Registered;

    public void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret == Mask)
        {
            return;
        }

        lock (_gate)
        {
            if (_values.Contains(secret, StringComparer.Ordinal))
            {
                return;
            }

            _values = [.. _values, secret];

            // Longest first, so a secret that contains another is masked whole; where two values share a form,
            // masking it anywhere wins over masking it as a token.
            _patterns = [.. _patterns.Concat(PatternsOf(secret))
                .GroupBy(pattern => pattern.Text, StringComparer.Ordinal)
                .Select(same => same.OrderBy(pattern => pattern.WholeTokenOnly).First())
                .OrderByDescending(pattern => pattern.Text.Length)];
        }

        Registered?.Invoke(secret);
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = UrlCredentials.Redact(text, Mask);
        foreach (var pattern in _patterns)
        {
            if (text.Contains(pattern.Text, StringComparison.Ordinal))
            {
                text = pattern.WholeTokenOnly ? ReplaceTokens(text, pattern.Text) : text.Replace(pattern.Text, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    // A multi-line value (a private key, a JSON config) is also masked line by line: child processes print it so.
    // Its short lines ("{", "-----END...") are structure, not secret material, and are left alone.
    private static IEnumerable<Pattern> PatternsOf(string secret)
    {
        IEnumerable<string> values = secret.AsSpan().IndexOfAny('\r', '\n') < 0
            ? [secret]
            : secret.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Length >= MinimumLength)
                .Prepend(secret);
        return values
            .Where(value => value.Length >= MinimumTokenLength)
            .SelectMany(value => SecretForms.Of(value).Select(form => new Pattern(form, value.Length < MinimumLength)));
    }

    private static string ReplaceTokens(string text, string value)
    {
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            var end = index + value.Length;
            if (index >= copied && IsTokenEdge(text, index - 1) && IsTokenEdge(text, end))
            {
                builder.Append(text, copied, index - copied).Append(Mask);
                copied = end;
            }
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsTokenEdge(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '_');

    private sealed record Pattern(string Text, bool WholeTokenOnly);
}

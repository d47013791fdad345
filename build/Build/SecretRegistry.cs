namespace Build;

/// <summary>
/// Every secret value the build reads is registered here once; all build output passes through
/// <see cref="Redact"/> before it is printed or written to an artifact.
/// </summary>
public sealed class SecretRegistry
{
    public const string Mask = "***";

    // Values shorter than this are not masked: masking "a" or "1" would shred the log and hide nothing.
    private const int MinimumLength = 8;

    private readonly Lock _gate = new();
    private string[] _secrets = [];

    public IReadOnlyCollection<string> Values => _secrets;

    /// <summary>Raised once for each newly registered secret (e.g. an ECR token read mid-build), so the CI can mask it too.</summary>
    public event Action<string>? Registered;

    public void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            if (_secrets.Contains(secret, StringComparer.Ordinal))
            {
                return;
            }

            // Longest first, so a secret that contains another is masked whole.
            _secrets = [.. _secrets.Append(secret).OrderByDescending(value => value.Length)];
        }

        Registered?.Invoke(secret);
    }

    public string Redact(string text)
    {
        var secrets = _secrets;
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}

namespace Build.Core.Secrets;

/// <summary>
/// The environment as <c>--verbosity diagnostic</c> logs it, one <c>env NAME=value</c> line per variable, sorted. A
/// variable whose name looks secret shows <c>NAME=***</c> whatever its value's length (a 6-character token is as
/// secret as a 40-character one; the inline rule of <see cref="SecretRegistry"/> would leave it readable); any other
/// value is shown with the userinfo of its URLs masked (<c>HTTPS_PROXY=http://***@proxy:3128</c>). The output filter
/// then masks registered secrets as everywhere.
/// </summary>
public static class EnvironmentDump
{
    public static IEnumerable<string> Lines(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return variables
            .OrderBy(variable => variable.Key, StringComparer.Ordinal)
            .Select(variable => $"env {variable.Key}={Shown(variable.Key, variable.Value ?? "")}");
    }

    private static string Shown(string name, string value) =>
        SecretEnvironment.IsSecretName(name)
            ? (value.Length == 0 ? "" : SecretRegistry.Mask)
            : UrlCredentials.Redact(value, SecretRegistry.Mask);
}

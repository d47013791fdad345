namespace Build.Tests.Stages.Lint.Secrets;

/// <summary>
/// Credentials shaped like real ones, made up when a test runs: no test source holds one whole (the scan of this
/// repository must not find them), and none is a real credential.
/// </summary>
public static class FakeSecrets
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64 = Alphanumeric + "/+";

    public static string AwsAccessKeyId() => "AK" + "IA" + Random(Base32, 16);

    public static string AwsSecretAccessKey() => "Aa1" + Random(Base64, 37);

    public static string GitHubToken(string kind = "ghp") => kind + "_" + Random(Alphanumeric, 36);

    public static string GitHubFineGrainedToken() => "github" + "_pat_" + Random(Alphanumeric, 22) + "_" + Random(Alphanumeric, 59);

    public static string SlackToken(string kind = "xoxb") => kind + "-" + Random("0123456789", 12) + "-" + Random("0123456789", 13) + "-" + Random(Alphanumeric, 24);

    public static string SlackWebhook() => "https://hooks." + "slack.com/services/T" + Random(Base32, 8) + "/B" + Random(Base32, 10) + "/" + Random(Alphanumeric, 24);

    public static string NpmToken() => "np" + "m_" + Random(Alphanumeric, 36);

    public static string HighEntropy(int length = 32) => "k9" + Random(Alphanumeric, length - 2);

    public static string PrivateKeyHeader(string type = "RSA ") => "-----BEGIN " + type + "PRIVATE" + " KEY-----";

    public static string PrivateKeyMaterial() => "MIIEow" + Random(Base64, 58);

    private static string Random(string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)])]);
}

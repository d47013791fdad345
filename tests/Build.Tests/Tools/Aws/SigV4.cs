using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// An independent SigV4 implementation (from the AWS specification, not the SDK) that the fake ECR uses to recompute
/// and check the signature of every request. Checked against AWS's published "get-vanilla" test vector.
/// </summary>
public static class SigV4
{
    public static string Signature(
        string secretKey,
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyList<string> signedHeaders,
        byte[] body,
        string amzDate,
        string region,
        string service)
    {
        var canonicalHeaders = string.Concat(signedHeaders.Select(name => $"{name}:{Trim(headers[name])}\n"));
        var canonicalRequest = string.Join('\n', method, path, query, canonicalHeaders, string.Join(';', signedHeaders), Hex(SHA256.HashData(body)));
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    private static string Trim(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Build.Tools.Aws;

/// <summary>
/// An error answer of an AWS JSON service: <c>{"__type":"...#ThrottlingException","message":"..."}</c>, or the
/// <c>x-amzn-ErrorType</c> header, or (a proxy's HTML page) just the HTTP status.
/// </summary>
public sealed partial record AwsError(string Code, string Message, int StatusCode)
{
    public static AwsError Parse(int statusCode, string body, string? errorTypeHeader)
    {
        string? type = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.Name.Equals("code", StringComparison.OrdinalIgnoreCase))
                    {
                        type ??= property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message ??= property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            message = body;
        }

        var code = ShortCode(type) ?? ShortCode(errorTypeHeader) ?? $"HTTP {statusCode}";
        return new AwsError(code, OneLine(message) is { Length: > 0 } text ? text : "no message", statusCode);
    }

    /// <summary>"com.amazonaws.ecr#ThrottlingException" and "ThrottlingException:http://..." are both "ThrottlingException".</summary>
    private static string? ShortCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? code[..colon] : code).Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    private static string OneLine(string? text)
    {
        var line = Whitespace().Replace(text ?? "", " ").Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

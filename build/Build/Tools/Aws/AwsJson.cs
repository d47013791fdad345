using System.Text.Json;
using System.Text.Json.Serialization;

namespace Build.Tools.Aws;

/// <summary>How request and response bodies of the AWS JSON-1.1 services are (de)serialised: camelCase, nulls left out.</summary>
public static class AwsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>AWS JSON timestamps are seconds since the Unix epoch, with a fraction.</summary>
    public static DateTimeOffset? FromEpochSeconds(double? seconds) =>
        seconds is { } value ? DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(value * 1000)) : null;
}

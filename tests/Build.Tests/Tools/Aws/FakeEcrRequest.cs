using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>One request the fake ECR received, as sent, and why it was rejected (null when it was served).</summary>
public sealed record FakeEcrRequest(
    string Operation,
    string? Authorization,
    string? AmzDate,
    string? SecurityToken,
    string? ContentType,
    string? Host,
    JsonNode? Body,
    string? Rejection);

using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>One request the fake ECS received, as sent, and why it was rejected (null when it was served).</summary>
public sealed record FakeEcsRequest(
    string Operation,
    string? Authorization,
    string? AmzDate,
    string? ContentType,
    string? Host,
    JsonNode? Body,
    string? Rejection);

using System.Text.Json.Serialization;

namespace Build.Core.Gates;

/// <summary>
/// A check an image must have passed, for the commit it is built from, before it is pushed or deployed anywhere:
/// Push and Deploy depend on every one of them in the graph, and check the evidence again when run with --exclusive.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReleaseGate>))]
public enum ReleaseGate
{
    Lint,
    Test,
    Coverage,
    Accessibility,
    ImageScan,
}

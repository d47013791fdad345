namespace Build.Core.Ci;

/// <summary>
/// A terminal or a CI without a stdout protocol (Jenkins): findings are already printed by the task,
/// the summary is in artifacts/summary.md (Jenkins archives it), and the build's redaction covers masking.
/// </summary>
public sealed class PlainCi(string name) : ICiProvider
{
    public static readonly PlainCi Local = new("Local");
    public static readonly PlainCi Jenkins = new("Jenkins");

    public string Name { get; } = name;

    public void StartGroup(string name)
    {
    }

    public void EndGroup()
    {
    }

    public void Annotate(Annotation annotation)
    {
    }

    public void PublishSummary(string markdown)
    {
    }

    public void Mask(string secret)
    {
    }
}

namespace Build.Tests.Tools.Aws;

/// <summary>
/// How the fake's image scan behaves: IN_PROGRESS for the first <see cref="PendingPolls"/> polls (forever when
/// <see cref="NeverCompletes"/>), then <see cref="FinalStatus"/> with <see cref="Findings"/>.
/// </summary>
public sealed class FakeEcrScan
{
    public int PendingPolls { get; init; }

    public bool NeverCompletes { get; init; }

    public string FinalStatus { get; init; } = "COMPLETE";

    /// <summary>Gets a value indicating whether findings are sent as enhancedFindings (Inspector) instead of findings.</summary>
    public bool Enhanced { get; init; }

    public IReadOnlyList<FakeEcrFinding> Findings { get; init; } = [];

    /// <summary>Gets how often the scan was polled (first pages only).</summary>
    public int Polls { get; internal set; }
}

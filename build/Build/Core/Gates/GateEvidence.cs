using System.Globalization;
using Cake.Common.Diagnostics;
using Cake.Core;

namespace Build.Core.Gates;

/// <summary>
/// What Push and Deploy check before they touch a registry or a service: every gate passed for this commit and
/// configuration, in this run or (with --exclusive, or in a later CI job) as a record an earlier run of the same clean
/// commit left in artifacts/gates/. The log says which; anything missing refuses the step with one line per gate.
/// </summary>
public static class GateEvidence
{
    public static IReadOnlyList<ReleaseGate> All { get; } = Enum.GetValues<ReleaseGate>();

    /// <summary>Logs the evidence, or throws before <paramref name="step"/> does anything.</summary>
    /// <param name="context">The build.</param>
    /// <param name="step">What is about to happen, e.g. "Push to dev".</param>
    /// <param name="imageId">The image about to be pushed or deployed: the ImageScan gate must have scanned this one.</param>
    public static void Require(BuildContext context, string step, string imageId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var version = context.BuildVersion;
        var inRun = new List<ReleaseGate>();
        var recorded = new List<GateRecord>();
        var refusals = new List<string>();
        foreach (var gate in All)
        {
            if (context.Results.TryGet<PassedGates>()?.Find(gate) is { } passed && Matches(passed, imageId))
            {
                inRun.Add(gate);
            }
            else if (Judge(context, gate, imageId) is { } refusal)
            {
                refusals.Add($"{gate}: {refusal}");
            }
            else
            {
                recorded.Add(GateLedger.ReadRecorded(context.Paths, gate)!);
            }
        }

        var subject = $"commit {version.ShortCommit} ({context.BuildConfiguration})";
        if (refusals.Count > 0)
        {
            throw new CakeException(
                $"{step} refused: not every gate passed for {subject}. {string.Join("; ", refusals)}. "
                + "Run the target without --exclusive (it runs the gates first), or download the gates job's artifacts/gates/ for this commit.");
        }

        var parts = new List<string>();
        if (inRun.Count > 0)
        {
            parts.Add($"{string.Join(", ", inRun)} passed in this run");
        }

        if (recorded.Count > 0)
        {
            var oldest = recorded.Min(record => record.PassedAt).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            parts.Add($"{string.Join(", ", recorded.Select(record => record.Gate))} recorded green by an earlier run of this commit (artifacts/gates/, oldest {oldest})");
        }

        context.Information("Gates for {0}: {1}.", subject, string.Join("; ", parts));
        context.Report.AddOutput("gates", inRun.Count == All.Count ? "passed in this run" : "recorded: " + string.Join(", ", recorded.Select(record => record.Gate)));
    }

    // Null when the record an earlier run left vouches for this commit; else why it does not.
    private static string? Judge(BuildContext context, ReleaseGate gate, string imageId)
    {
        var version = context.BuildVersion;
        if (GateLedger.ReadRecorded(context.Paths, gate) is not { } record)
        {
            return "did not pass in this run and no earlier run recorded a pass";
        }

        if (!version.HasCommit)
        {
            return "no git commit identifies this tree, so no recorded pass can vouch for it";
        }

        if (record.Commit != version.Commit)
        {
            return $"the recorded pass is for commit {Short(record.Commit)}, not {version.ShortCommit}";
        }

        if (record.Dirty || version.IsDirty)
        {
            return "a recorded pass counts for a clean tree only, and " + (version.IsDirty ? "this tree has uncommitted changes" : "it was recorded from a tree with uncommitted changes");
        }

        if (!record.Configuration.Equals(context.BuildConfiguration, StringComparison.OrdinalIgnoreCase))
        {
            return $"the recorded pass is for configuration {record.Configuration}, not {context.BuildConfiguration}";
        }

        return Matches(record, imageId) ? null : $"the recorded scan is of image {Short(record.ImageId ?? "none")}, not {Short(imageId)}";
    }

    private static bool Matches(GateRecord record, string imageId) => record.Gate != ReleaseGate.ImageScan || record.ImageId == imageId;

    private static string Short(string value)
    {
        var hex = value.StartsWith("sha256:", StringComparison.Ordinal) ? value[7..] : value;
        return hex.Length > 12 ? hex[..12] : hex;
    }
}

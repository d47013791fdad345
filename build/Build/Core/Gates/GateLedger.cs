using System.Text.Json;
using Build.Core.Secrets;
using Cake.Core.IO;

namespace Build.Core.Gates;

/// <summary>
/// Writes what the gates decided: a gate task opens its gate when it starts (the record an earlier run left is deleted,
/// so a gate that fails now cannot be vouched for by an old pass) and passes it when everything it checks passed.
/// </summary>
public static class GateLedger
{
    public static FilePath RecordFile(BuildPaths paths, ReleaseGate gate)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Artifacts.Combine("gates").CombineWithFilePath($"{gate}.json");
    }

    /// <summary>Forgets an earlier pass of <paramref name="gate"/>: called before the gate checks anything.</summary>
    public static void Open(BuildContext context, ReleaseGate gate)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = RecordFile(context.Paths, gate).FullPath;
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    /// <summary>Records that <paramref name="gate"/> passed in this run, for this run's Push and Deploy and for later runs.</summary>
    public static void Pass(BuildContext context, ReleaseGate gate, string? imageId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var version = context.BuildVersion;
        var record = new GateRecord(gate, version.Commit, version.IsDirty, context.BuildConfiguration, version.Version, DateTimeOffset.UtcNow, imageId);
        var passed = context.Results.TryGet<PassedGates>();
        if (passed is null)
        {
            passed = new PassedGates();
            context.Results.Set(passed);
        }

        passed.Add(record);
        context.WriteArtifact(RecordFile(context.Paths, gate), JsonSerializer.Serialize(record, JsonDefaults.Indented));
    }

    /// <summary>The record an earlier run left for <paramref name="gate"/>, or null (missing or unreadable).</summary>
    public static GateRecord? ReadRecorded(BuildPaths paths, ReleaseGate gate)
    {
        var file = RecordFile(paths, gate).FullPath;
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<GateRecord>(File.ReadAllText(file), JsonDefaults.Indented) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

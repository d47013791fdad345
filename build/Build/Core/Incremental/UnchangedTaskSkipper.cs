using System.Globalization;
using System.Security.Cryptography;
using Build.Parameters;
using Cake.Core;
using Cake.Frosting;

namespace Build.Core.Incremental;

/// <summary>
/// Skips a task marked <see cref="IIncrementalTask"/> when its inputs hash to the value of its last successful run here,
/// the artifacts it left then are unchanged (in the artifacts folder, or where rotation moved them: they are brought
/// back) and whatever else it left still exists; the reason reads "unchanged since &lt;time&gt;". Every successful run of
/// such a task is remembered, whether or not skipping is on (<c>--cache</c>; off on CI unless asked).
/// </summary>
public sealed class UnchangedTaskSkipper(IEnumerable<IFrostingTask> tasks) : ITaskSkipper
{
    private readonly Dictionary<string, IIncrementalTask> _incremental = tasks
        .Where(task => task is IIncrementalTask)
        .ToDictionary(task => TaskNameOf(task), task => (IIncrementalTask)task, StringComparer.OrdinalIgnoreCase);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _inputsHashes = new(StringComparer.OrdinalIgnoreCase);

    public string? SkipReason(IFrostingContext context, ICakeTaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (context is not BuildContext build || !_incremental.TryGetValue(task.Name, out var incremental))
        {
            return null;
        }

        var hash = incremental.Inputs(build).Hash();
        _inputsHashes[task.Name] = hash;
        if (build.Parameters.Cache != CacheModes.On
            || TaskCacheRecord.Read(TaskCacheRecord.PathOf(build.Paths, task.Name)) is not { } record
            || record.InputsHash != hash
            || !BringBack(build.Paths, record.Outputs)
            || !incremental.OutputsExist(build))
        {
            return null;
        }

        incremental.Restore(build);
        return $"unchanged since {record.SucceededAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC (--{ArgumentNames.NoCache} runs it)";
    }

    public void Succeeded(IFrostingContext context, ICakeTaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (context is not BuildContext build || !_incremental.TryGetValue(task.Name, out var incremental) || !_inputsHashes.TryGetValue(task.Name, out var hash))
        {
            return;
        }

        var artifacts = build.Paths.Artifacts.FullPath;
        var outputs = ArtifactGlob.Match(artifacts, incremental.ArtifactOutputs)
            .ToDictionary(file => file, file => HashOf(Path.Combine(artifacts, file)), StringComparer.Ordinal);
        new TaskCacheRecord(task.Name, hash, DateTimeOffset.UtcNow, outputs).Write(TaskCacheRecord.PathOf(build.Paths, task.Name));
    }

    // Every recorded artifact must be found unchanged, here or in the rotated folder (then copied back); else the task runs.
    private static bool BringBack(BuildPaths paths, IReadOnlyDictionary<string, string> outputs)
    {
        var copies = new List<(string From, string To)>();
        foreach (var (file, hash) in outputs)
        {
            var here = Path.Combine(paths.Artifacts.FullPath, file);
            var moved = Path.Combine(paths.PreviousArtifacts.FullPath, file);
            if (File.Exists(here) && HashOf(here) == hash)
            {
                continue;
            }

            if (!File.Exists(moved) || HashOf(moved) != hash)
            {
                return false;
            }

            copies.Add((moved, here));
        }

        foreach (var (from, to) in copies)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }

        return true;
    }

    private static string HashOf(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    private static string TaskNameOf(IFrostingTask task) =>
        task.GetType().GetCustomAttributes(typeof(TaskNameAttribute), false).Cast<TaskNameAttribute>().Single().Name;
}

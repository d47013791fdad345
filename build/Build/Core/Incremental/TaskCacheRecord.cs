using System.Text.Json;

namespace Build.Core.Incremental;

/// <summary>
/// .build/cache/tasks/&lt;task&gt;.json: the inputs hash of a task's last successful run, when it ended, and the
/// artifacts it left with their content hashes (what a skip brings back, if they are unchanged).
/// </summary>
public sealed record TaskCacheRecord(string Task, string InputsHash, DateTimeOffset SucceededAt, IReadOnlyDictionary<string, string> Outputs)
{
    public static string PathOf(BuildPaths paths, string task)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.Cache.FullPath, "cache", "tasks", $"{task}.json");
    }

    public static TaskCacheRecord? Read(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<TaskCacheRecord>(File.ReadAllText(file), JsonDefaults.Indented) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, JsonDefaults.Indented));
        File.Move(temporary, file, overwrite: true);
    }
}

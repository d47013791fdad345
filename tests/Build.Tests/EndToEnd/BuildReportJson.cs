using System.Text.Json;

namespace Build.Tests.EndToEnd;

/// <summary>Reads artifacts/build-report.json the way a CI system or a person's script would.</summary>
public sealed record BuildReportJson(string Target, bool Succeeded, string CiProvider, IReadOnlyList<(string Name, string Status)> Tasks, JsonElement Root)
{
    public static BuildReportJson Read(string artifactsDirectory)
    {
        var path = Path.Combine(artifactsDirectory, "build-report.json");
        Assert.True(File.Exists(path), $"{path} was not written.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement.Clone();
        var tasks = root.GetProperty("tasks").EnumerateArray()
            .Select(task => (task.GetProperty("name").GetString() ?? "", task.GetProperty("status").GetString() ?? ""))
            .ToList();
        return new BuildReportJson(
            root.GetProperty("target").GetString() ?? "",
            root.GetProperty("succeeded").GetBoolean(),
            root.GetProperty("ciProvider").GetString() ?? "",
            tasks,
            root);
    }

    public JsonElement Task(string name) =>
        Root.GetProperty("tasks").EnumerateArray().Single(task => task.GetProperty("name").GetString() == name);
}

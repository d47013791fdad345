using System.Text.Json;
using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Lint;

/// <summary>
/// <c>dotnet format --verify-no-changes</c> over the solution (whitespace, style and analyzers, with the
/// severities of .editorconfig, so the IDE and the build agree); findings come from its JSON report.
/// </summary>
public static class DotNetFormatLinter
{
    public static IReadOnlyList<LintFinding> Run(ICakeContext context, DirectoryPath root, FilePath solution, DirectoryPath reportDirectory)
    {
        Directory.CreateDirectory(reportDirectory.FullPath);
        var report = reportDirectory.CombineWithFilePath("format-report.json");
        File.Delete(report.FullPath);
        var arguments = new ProcessArgumentBuilder()
            .Append("format").AppendQuoted(solution.FullPath)
            .Append("--verify-no-changes").Append("--no-restore").Append("--severity").Append("warn")
            .Append("--report").AppendQuoted(report.FullPath);
        var (exitCode, output) = ProcessCapture.Run(context, "dotnet", arguments, root);
        var findings = File.Exists(report.FullPath) ? Parse(File.ReadAllText(report.FullPath), root.FullPath) : [];
        return exitCode != 0 && findings.Count == 0
            ? throw new CakeException($"dotnet format failed (exit {exitCode}): {string.Join(" ", output.TakeLast(5))}")
            : findings;
    }

    public static IReadOnlyList<LintFinding> Parse(string reportJson, string root)
    {
        using var document = JsonDocument.Parse(reportJson);
        var findings = new List<LintFinding>();
        foreach (var file in document.RootElement.EnumerateArray())
        {
            var path = System.IO.Path.GetRelativePath(root, file.GetProperty("FilePath").GetString() ?? "").Replace('\\', '/');
            foreach (var change in file.GetProperty("FileChanges").EnumerateArray())
            {
                findings.Add(new LintFinding(
                    "dotnet format",
                    path,
                    change.GetProperty("LineNumber").GetInt32(),
                    change.GetProperty("CharNumber").GetInt32(),
                    change.GetProperty("DiagnosticId").GetString() ?? "",
                    change.GetProperty("FormatDescription").GetString() ?? ""));
            }
        }

        return findings;
    }
}

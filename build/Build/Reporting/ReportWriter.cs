using System.Globalization;
using System.Text;
using System.Text.Json;
using Build.Versioning;

namespace Build.Reporting;

/// <summary>Writes artifacts/build-report.json and artifacts/summary.md, redacted, and returns the summary.</summary>
public static class ReportWriter
{
    public static string Write(BuildReport report, BuildRunInfo run, string artifactsDirectory, SecretRegistry secrets)
    {
        Directory.CreateDirectory(artifactsDirectory);

        // Values are redacted before serialising: the JSON encoder escapes characters such as '+' that real
        // secrets contain, so redacting the serialised text alone would miss them. The text is redacted again after.
        run = Redacted(run, secrets);
        report = Redacted(report, secrets);
        var json = JsonSerializer.Serialize(
            new
            {
                target = run.Target,
                environment = run.Environment,
                configuration = run.Configuration,
                version = run.Version?.Version,
                commit = run.Version?.Commit,
                ciProvider = run.CiProvider,
                succeeded = run.Succeeded,
                result = run.Result,
                error = run.Error,
                arguments = run.Arguments,
                tasks = report.Tasks,
            },
            JsonDefaults.Indented);
        File.WriteAllText(Path.Combine(artifactsDirectory, "build-report.json"), secrets.Redact(json));

        var markdown = secrets.Redact(ToMarkdown(report, run));
        File.WriteAllText(Path.Combine(artifactsDirectory, "summary.md"), markdown);
        return markdown;
    }

    private static BuildRunInfo Redacted(BuildRunInfo run, SecretRegistry secrets) =>
        run with
        {
            Error = run.Error is null ? null : secrets.Redact(run.Error),
            Arguments = run.Arguments.ToDictionary(pair => pair.Key, pair => secrets.Redact(pair.Value), StringComparer.OrdinalIgnoreCase),
        };

    private static BuildReport Redacted(BuildReport report, SecretRegistry secrets)
    {
        string? Clean(string? text) => text is null ? null : secrets.Redact(text);
        var copy = new BuildReport();
        foreach (var task in report.Tasks)
        {
            copy.Add(task with
            {
                SkipReason = Clean(task.SkipReason),
                Error = Clean(task.Error),
                Outputs = task.Outputs.ToDictionary(pair => pair.Key, pair => secrets.Redact(pair.Value), StringComparer.Ordinal),
            });
        }

        foreach (var (title, markdown) in report.Sections)
        {
            copy.AddSection(secrets.Redact(title), secrets.Redact(markdown));
        }

        return copy;
    }

    public static string ToMarkdown(BuildReport report, BuildRunInfo run)
    {
        var text = new StringBuilder();
        var outcome = run.Succeeded ? "succeeded" : run.Interrupted ? "INTERRUPTED" : "FAILED";
        text.AppendLine(CultureInfo.InvariantCulture, $"## Build {run.Version?.Version ?? "(no version)"}: {run.Target} {outcome}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Environment `{run.Environment}`, configuration `{run.Configuration}`, commit `{run.Version?.ShortCommit ?? "unknown"}`.");
        if (run.Error is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**Error:** {run.Error}");
        }

        text.AppendLine();
        text.AppendLine("| Task | Status | Duration | Notes |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var task in report.Tasks)
        {
            var notes = task.SkipReason ?? task.Error ?? string.Join(", ", task.Outputs.Select(pair => $"{pair.Key}: {pair.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {task.Name} | {task.Status} | {task.DurationSeconds:0.0} s | {notes.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        foreach (var (title, markdown) in report.Sections)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
            text.AppendLine();
            text.AppendLine(markdown.TrimEnd());
        }

        return text.ToString();
    }
}

/// <summary>The facts about the whole run that head the report.</summary>
public sealed record BuildRunInfo(
    string Target,
    string Environment,
    string Configuration,
    BuildVersion? Version,
    string CiProvider,
    bool Succeeded,
    string? Error,
    IReadOnlyDictionary<string, string> Arguments,
    bool Interrupted = false)
{
    /// <summary>Gets "succeeded", "failed", or "interrupted" (stopped by SIGINT/SIGTERM before it finished).</summary>
    public string Result => Succeeded ? "succeeded" : Interrupted ? "interrupted" : "failed";
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Build.Core.Ci;
using Build.Core.Secrets;
using Build.Core.Text;
using Build.Core.Versioning;

namespace Build.Core.Reporting;

/// <summary>
/// The run's last writer: redacts every file the run left in artifacts/ (those tools wrote included: TRX, coverage
/// HTML, dotnet format and terraform JSON), then writes artifacts/build-report.json and artifacts/summary.md, redacted
/// and bounded (see <see cref="Bounded"/>), and returns the summary. What had to be cut is written whole beside them:
/// error.txt, summary-full.md.
/// </summary>
public static class ReportWriter
{
    public const string FullErrorFile = "error.txt";
    public const string FullSummaryFile = "summary-full.md";

    public static string Write(BuildReport report, BuildRunInfo run, string artifactsDirectory, SecretRegistry secrets)
    {
        Directory.CreateDirectory(artifactsDirectory);
        var artifacts = new ArtifactRedaction(secrets);
        artifacts.RedactDirectory(artifactsDirectory);

        // Values are redacted before they are formatted (Markdown escapes '|' in table cells, the JSON encoder '+'),
        // and each file again as it is written.
        run = Redacted(run, secrets);
        report = Redacted(report, secrets);
        var fullError = Path.Combine(artifactsDirectory, FullErrorFile);
        File.Delete(fullError);
        report = WithBoundedErrors(report, run.Error);
        if (run.Error is { Length: > Bounded.LineCharacters } longError)
        {
            artifacts.WriteAllText(fullError, longError);
            run = run with { Error = Bounded.Text(longError, Bounded.LineCharacters, FullErrorFile) };
        }

        var json = JsonSerializer.Serialize(
            new
            {
                target = run.Target,
                environment = run.Environment,
                configuration = run.Configuration,
                version = run.Version?.Version,
                commit = run.Version?.Commit,
                dirty = run.Version?.IsDirty,
                ciProvider = run.CiProvider,
                ci = run.Ci is null ? null : new { provider = run.Ci.Provider, pipeline = run.Ci.Pipeline, runNumber = run.Ci.RunNumber, job = run.Ci.Job },
                succeeded = run.Succeeded,
                result = run.Result,
                error = run.Error,
                arguments = run.Arguments,
                schedule = run.Schedule,
                tasks = report.Tasks,
            },
            JsonDefaults.Indented);
        artifacts.WriteAllText(Path.Combine(artifactsDirectory, "build-report.json"), json);

        var whole = secrets.Redact(ToMarkdown(report, run, bounded: false));
        var markdown = secrets.Redact(ToMarkdown(report, run, bounded: true));
        var fullSummary = Path.Combine(artifactsDirectory, FullSummaryFile);
        File.Delete(fullSummary);
        if (markdown != whole)
        {
            artifacts.WriteAllText(fullSummary, whole);
        }

        artifacts.WriteAllText(Path.Combine(artifactsDirectory, "summary.md"), markdown);
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

    // A task's error is usually the run's; only then is its whole text in error.txt.
    private static BuildReport WithBoundedErrors(BuildReport report, string? runError)
    {
        var copy = new BuildReport();
        foreach (var task in report.Tasks)
        {
            copy.Add(task with { Error = task.Error is null ? null : Bounded.Text(task.Error, Bounded.LineCharacters, task.Error == runError ? FullErrorFile : null) });
        }

        foreach (var (title, markdown) in report.Sections)
        {
            copy.AddSection(title, markdown);
        }

        return copy;
    }

    /// <param name="report">What the tasks did.</param>
    /// <param name="run">The facts of the run.</param>
    /// <param name="bounded">Whether notes, sections and the whole text are cut to <see cref="Bounded"/>'s sizes.</param>
    public static string ToMarkdown(BuildReport report, BuildRunInfo run, bool bounded = true)
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
            notes = bounded ? Bounded.Text(notes, Bounded.LineCharacters, FullSummaryFile) : notes;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {task.Name} | {task.Status} | {DurationText.Format(TimeSpan.FromSeconds(task.DurationSeconds))} | {notes.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        foreach (var (title, markdown) in report.Sections)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
            text.AppendLine();
            text.AppendLine((bounded ? Bounded.Markdown(markdown, Bounded.SectionCharacters, FullSummaryFile) : markdown).TrimEnd());
        }

        return bounded ? Bounded.Markdown(text.ToString(), Bounded.SummaryCharacters, FullSummaryFile) : text.ToString();
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
    bool Interrupted = false,
    CiRun? Ci = null,
    RunSchedule? Schedule = null)
{
    /// <summary>Gets "succeeded", "failed", or "interrupted" (stopped by SIGINT/SIGTERM before it finished).</summary>
    public string Result => Succeeded ? "succeeded" : Interrupted ? "interrupted" : "failed";
}

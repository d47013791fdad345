using System.Text.Json;
using Build.Core.Vulnerabilities;
using Cake.Core;

namespace Build.Tools.Trivy;

/// <summary>Reads the findings of a Trivy JSON report: Results[].Vulnerabilities[]; a result without vulnerabilities adds none.</summary>
public static class TrivyReportReader
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<VulnerabilityFinding> Read(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="json">The report.</param>
    /// <param name="name">What to call the report in an error (its path).</param>
    public static IReadOnlyList<VulnerabilityFinding> Parse(string json, string name)
    {
        TrivyReportWire? report;
        try
        {
            report = JsonSerializer.Deserialize<TrivyReportWire>(json, Options);
        }
        catch (JsonException invalid)
        {
            throw new CakeException($"{name} is not a Trivy JSON report (line {invalid.LineNumber + 1}: {invalid.Message.Split('.')[0]}).");
        }

        if (report?.SchemaVersion is null)
        {
            throw new CakeException($"{name} is not a Trivy JSON report (no SchemaVersion): run trivy with --format json.");
        }

        return [.. (report.Results ?? []).SelectMany(result => (result.Vulnerabilities ?? []).Select(vulnerability => ToFinding(result, vulnerability, name)))];
    }

    private static VulnerabilityFinding ToFinding(TrivyResultWire result, TrivyVulnerabilityWire vulnerability, string name) =>
        new(
            vulnerability.VulnerabilityId ?? throw new CakeException($"{name}: a vulnerability of '{result.Target}' has no VulnerabilityID."),
            VulnerabilitySeverities.FromScanner(vulnerability.Severity),
            vulnerability.PkgName ?? "",
            vulnerability.InstalledVersion ?? "",
            string.IsNullOrWhiteSpace(vulnerability.FixedVersion) ? null : vulnerability.FixedVersion,
            vulnerability.Title,
            VulnerabilitySources.Trivy,
            vulnerability.PrimaryUrl)
        {
            Target = result.Target,
        };
}

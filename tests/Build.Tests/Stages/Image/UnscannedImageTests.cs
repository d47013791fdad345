using Build.Core.Vulnerabilities;
using Build.Parameters;
using Build.Stages.Image;
using Build.Tools.Trivy;
using Cake.Core.IO;
using static Build.Tests.Stages.Image.Vulnerabilities.VulnerabilityFixtures;

namespace Build.Tests.Stages.Image;

/// <summary>ImageScan without trivy: a visible NOT RUN, a warning by default and the failure line with --vuln-scan required.</summary>
public sealed class UnscannedImageTests : IDisposable
{
    private const string Remedy = "install trivy (https://trivy.dev/latest/getting-started/installation/) and put it on PATH";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("unscanned-image-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Without_any_scanner_the_outcome_says_NOT_RUN_and_why_and_the_summary_shows_no_clean_table()
    {
        var outcome = JudgeWithoutTrivy();

        Assert.Equal("trivy not installed", outcome.NotRun);
        Assert.Equal(Remedy, outcome.NotRunRemedy);
        Assert.Equal("NOT RUN: trivy not installed", outcome.Summary);
        Assert.StartsWith("**NOT RUN: trivy not installed**: the image was not checked for known vulnerabilities.\n", outcome.MarkdownSection, StringComparison.Ordinal);
        Assert.Contains($"- trivy: skipped (trivy not installed): {Remedy}\n", outcome.MarkdownSection, StringComparison.Ordinal);
        Assert.DoesNotContain("| Severity |", outcome.MarkdownSection, StringComparison.Ordinal);
        Assert.DoesNotContain("Passed", outcome.MarkdownSection, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_warns_in_one_line_with_the_install_hint_and_does_not_fail()
    {
        var unscanned = UnscannedImage.Judge(JudgeWithoutTrivy(), scanRequired: false);

        Assert.Null(unscanned.Failure);
        Assert.Equal(
            $"Vulnerability scan NOT RUN: trivy not installed: the image was not checked for known vulnerabilities; {Remedy} (--vuln-scan required makes this fail).",
            unscanned.Warning);
    }

    [Fact]
    public void Required_fails_in_one_line_with_the_install_hint()
    {
        var unscanned = UnscannedImage.Judge(JudgeWithoutTrivy(), scanRequired: true);

        Assert.Null(unscanned.Warning);
        Assert.Equal(
            $"Vulnerability scan NOT RUN: trivy not installed, and --vuln-scan is required (the default when CI=true): {Remedy}, or pass --vuln-scan optional.",
            unscanned.Failure);
        Assert.DoesNotContain('\n', unscanned.Failure!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_scan_that_ran_needs_no_word_either_way(bool required)
    {
        var outcome = Judge([ScannerOutcome.Completed(VulnerabilitySources.Trivy, [])]);

        Assert.Null(outcome.NotRun);
        Assert.Equal(new UnscannedImage(null, null), UnscannedImage.Judge(outcome, required));
    }

    [Fact]
    public void The_size_line_says_the_budget_applies_to_the_compressed_size()
    {
        var size = new ImageSize(210_300_000, 85_200_000);

        Assert.Equal("85.2 MB compressed (budget 120 MB, on the compressed size), 210.3 MB on disk", size.Describe(120));
    }

    private ImageVulnerabilityOutcome JudgeWithoutTrivy() =>
        Judge([ScannerOutcome.Skipped(VulnerabilitySources.Trivy, TrivyScanner.NotInstalledReason, TrivyScanner.InstallHint)]);

    private ImageVulnerabilityOutcome Judge(IReadOnlyList<ScannerOutcome> scans)
    {
        var root = new DirectoryPath(_root.FullName);
        var policy = new ImageVulnerabilityPolicy(VulnerabilityParameters.Default, root) { Today = Today };
        return ImageVulnerabilityJudge.Judge(policy, scans, root.CombineWithFilePath("vulnerabilities.sarif"));
    }
}

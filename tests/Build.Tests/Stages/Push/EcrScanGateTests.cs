using System.Globalization;
using Build.Core.Secrets;
using Build.Core.Vulnerabilities;
using Build.Parameters;
using Build.Stages.Image;
using Build.Stages.Image.Vulnerabilities;
using Build.Stages.Push;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecr;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Stages.Push;

/// <summary>ECR's scan of a pushed digest, judged by the shared gate, against the fake ECR (real client, signing, retries and waits).</summary>
public sealed class EcrScanGateTests : IDisposable
{
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"digest":"sha256:c0","size":10},"layers":[]}""";
    private static readonly TimeSpan FastPolls = TimeSpan.FromMilliseconds(20);
    private static readonly DateOnly Today = new(2026, 6, 1);

    private readonly FakeEcr _ecr = new();
    private readonly SteppingClock _clock = new();
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ecr-scan-gate-");
    private readonly CapturingLog _log = new();
    private readonly FakeEcrRepository _repository;

    public EcrScanGateTests()
    {
        _repository = _ecr.AddRepository("app-dev", immutableTags: true);
    }

    private DirectoryPath Output => new DirectoryPath(_root.FullName).Combine("artifacts").Combine("image");

    public void Dispose()
    {
        _ecr.Dispose();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task A_finding_at_the_threshold_fails_once_the_pending_scan_completes_and_every_report_is_written()
    {
        var image = Pushed(new FakeEcrScan { PendingPolls = 2, Findings = [new("CVE-2026-1111", "HIGH", "libssl3", "3.0.11"), new("CVE-2026-2222", "LOW", "zlib1g", "1.2.13")] });

        var outcome = await CheckAsync(image, Policy(VulnerabilitySeverity.High));

        Assert.False(outcome.Passed);
        Assert.Equal(3, image.Scan!.Polls);
        Assert.Contains("1 finding(s) at or above HIGH (CVE-2026-1111 in libssl3)", outcome.FailureMessage, StringComparison.Ordinal);
        Assert.Equal("2 vulnerabilities (1 HIGH, 1 LOW); threshold HIGH: 1 blocking, 0 ignored.", outcome.Summary);
        var report = File.ReadAllText(Output.CombineWithFilePath(EcrScanGate.ReportFile).FullPath);
        Assert.Contains("\"CVE-2026-1111\"", report, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:5000/app-dev@{image.Digest}", report, StringComparison.Ordinal);
        var sarif = File.ReadAllText(Output.CombineWithFilePath(EcrScanGate.SarifFile).FullPath);
        Assert.Contains("CVE-2026-1111", sarif, StringComparison.Ordinal);
        Assert.Contains("src/App/Dockerfile", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_below_the_threshold_pass_and_the_same_findings_fail_a_lower_threshold()
    {
        var image = Pushed(new FakeEcrScan { Findings = [new("CVE-2026-2222", "MEDIUM", "zlib1g", "1.2.13")] });

        Assert.True((await CheckAsync(image, Policy(VulnerabilitySeverity.High))).Passed);
        Assert.False((await CheckAsync(image, Policy(VulnerabilitySeverity.Medium))).Passed);
    }

    [Fact]
    public async Task An_ignore_entry_with_a_future_expiry_lets_the_finding_through_and_warns_when_it_expires_within_14_days()
    {
        var image = Pushed(new FakeEcrScan { Findings = [new("CVE-2026-1111", "CRITICAL", "libssl3", "3.0.11")] });
        var soon = Today.AddDays(10);

        var outcome = await CheckAsync(image, Policy(VulnerabilitySeverity.High, Ignore("CVE-2026-1111", soon)));

        Assert.True(outcome.Passed, outcome.FailureMessage);
        Assert.Equal("1 vulnerability (1 CRITICAL); threshold HIGH: 0 blocking, 1 ignored.", outcome.Summary);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains("CVE-2026-1111", warning, StringComparison.Ordinal);
        Assert.Contains("in 10 day(s)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_ignore_entry_fails_the_gate_even_though_it_matches()
    {
        var image = Pushed(new FakeEcrScan { Findings = [new("CVE-2026-1111", "HIGH", "libssl3", "3.0.11")] });
        var yesterday = Today.AddDays(-1);

        var outcome = await CheckAsync(image, Policy(VulnerabilitySeverity.High, Ignore("CVE-2026-1111", yesterday)));

        Assert.False(outcome.Passed);
        Assert.Contains("expired", outcome.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_that_never_completes_fails_with_one_line_after_the_timeout()
    {
        var image = Pushed(new FakeEcrScan { NeverCompletes = true });

        var error = await Assert.ThrowsAsync<CakeException>(() => CheckAsync(image, Policy(VulnerabilitySeverity.High, timeout: TimeSpan.FromSeconds(1))));

        Assert.StartsWith($"The ECR scan of app-dev@{image.Digest} did not finish within 1 s (waited 1.0 s, 51 poll(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("last status IN_PROGRESS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(51, image.Scan!.Polls);
    }

    [Fact]
    public async Task A_failed_scan_is_not_a_pass()
    {
        var image = Pushed(new FakeEcrScan { FinalStatus = "FAILED" });

        var error = await Assert.ThrowsAsync<CakeException>(() => CheckAsync(image, Policy(VulnerabilitySeverity.High)));

        Assert.StartsWith("ECR could not scan 127.0.0.1:5000/app-dev@sha256:", error.Message, StringComparison.Ordinal);
        Assert.Contains("FAILED (UnsupportedImageError", error.Message, StringComparison.Ordinal);
        Assert.Contains("not recorded for deploy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_scan_polls_are_retried()
    {
        var image = Pushed(new FakeEcrScan { Findings = [new("CVE-2026-2222", "LOW", "zlib1g", "1.2.13")] });

        var outcome = await CheckAsync(image, Policy(VulnerabilitySeverity.High), beforeScan: () => _ecr.FailNext(2, 400, "ThrottlingException", "Rate exceeded"));

        Assert.True(outcome.Passed, outcome.FailureMessage);
        Assert.Equal(3, _ecr.CountOf(EcrOperations.DescribeImageScanFindings));
    }

    [Fact]
    public async Task With_scan_on_push_off_nothing_judges_the_image_so_the_gate_fails()
    {
        _repository.ScanOnPush = null;
        var image = Pushed(scan: null);

        var error = await Assert.ThrowsAsync<CakeException>(() => CheckAsync(image, Policy(VulnerabilitySeverity.High)));

        Assert.StartsWith("ECR repository app-dev has scan on push off: 127.0.0.1:5000/app-dev@sha256:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not recorded for deploy", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ecr.CountOf(EcrOperations.DescribeImageScanFindings));
    }

    private FakeEcrImage Pushed(FakeEcrScan? scan)
    {
        var image = _repository.AddImage(Manifest, "1.2.3");
        image.Scan = scan;
        return image;
    }

    private async Task<ImageVulnerabilityOutcome> CheckAsync(FakeEcrImage image, ImageVulnerabilityPolicy policy, Action? beforeScan = null)
    {
        var client = new EcrClient(_ecr.Settings(), new SecretRegistry(), _log);
        var repository = (await client.DescribeRepositoriesAsync(["app-dev"])).Single();
        beforeScan?.Invoke();
        var pushed = new PushedImage("127.0.0.1:5000", "app-dev", image.Digest, ["1.2.3"], 1000, []);
        return await EcrScanGate.CheckAsync(client, repository, pushed, policy, Output, FastPolls, _clock, CancellationToken.None);
    }

    private ImageVulnerabilityPolicy Policy(VulnerabilitySeverity threshold, string? ignores = null, TimeSpan? timeout = null)
    {
        var ignoreFile = System.IO.Path.Combine(_root.FullName, "ignore.json");
        File.WriteAllText(ignoreFile, ignores ?? "[]");
        var parameters = new VulnerabilityParameters(threshold, ignoreFile, IgnoreFileGiven: true, timeout ?? TimeSpan.FromSeconds(30));
        return new ImageVulnerabilityPolicy(parameters, new DirectoryPath(_root.FullName)) { Today = Today };
    }

    private static string Ignore(string id, DateOnly expires) =>
        $$"""[{"id": "{{id}}", "reason": "Not reachable: the app never parses certificates.", "expires": "{{expires.ToString(IgnoreFile.DateFormat, CultureInfo.InvariantCulture)}}"}]""";
}

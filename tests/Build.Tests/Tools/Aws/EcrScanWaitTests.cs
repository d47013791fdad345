using Build.Core.Secrets;
using Build.Tests.Support;
using Build.Tools.Aws.Ecr;

namespace Build.Tests.Tools.Aws;

public sealed class EcrScanWaitTests : IDisposable
{
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    private readonly FakeEcr _ecr = new();
    private readonly SteppingClock _clock = new();
    private readonly FakeEcrImage _image;

    public EcrScanWaitTests()
    {
        _image = _ecr.AddRepository("app").AddImage(Manifest, "1.2.3");
    }

    [Fact]
    public async Task A_scan_in_progress_is_polled_until_it_completes_and_its_findings_are_returned()
    {
        _image.Scan = new FakeEcrScan { PendingPolls = 3, Findings = [new("CVE-2024-0001", "HIGH", "openssl", "3.0.11")] };

        var scan = await Client().WaitForScanAsync("app", _image.Digest, TimeSpan.FromSeconds(30), Poll, _clock);

        Assert.Equal(EcrScanState.Complete, scan.Status.State);
        Assert.Equal("COMPLETE", scan.Status.Status);
        Assert.Equal(4, _image.Scan.Polls);
        Assert.Equal("CVE-2024-0001", Assert.Single(scan.Findings).Id);
    }

    [Fact]
    public async Task A_failed_scan_ends_the_wait_and_is_returned_for_the_caller_to_judge()
    {
        _image.Scan = new FakeEcrScan { PendingPolls = 1, FinalStatus = "FAILED" };

        var scan = await Client().WaitForScanAsync("app", _image.Digest, TimeSpan.FromSeconds(30), Poll, _clock);

        Assert.Equal(EcrScanState.Failed, scan.Status.State);
        Assert.Equal("FAILED (UnsupportedImageError: The operating system and/or package manager are not supported.)", scan.Status.ToString());
        Assert.Equal(2, _image.Scan.Polls);
    }

    [Fact]
    public async Task A_scan_that_never_completes_times_out_with_the_elapsed_time_and_last_status()
    {
        _image.Scan = new FakeEcrScan { NeverCompletes = true };
        var timeout = TimeSpan.FromSeconds(600);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Client().WaitForScanAsync("app", _image.Digest, timeout, Poll, _clock));

        Assert.Equal(
            $"The ECR scan of app@{_image.Digest} did not finish within 600 s (waited 600.0 s, 121 poll(s), last status IN_PROGRESS (The scan is in progress.)): raise --scan-timeout or check the scan in the ECR console.",
            error.Message);
        Assert.Equal(121, _image.Scan.Polls);
    }

    [Fact]
    public async Task A_scan_that_never_starts_counts_as_pending_and_times_out_naming_it()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Client().WaitForScanAsync("app", _image.Digest, TimeSpan.FromSeconds(60), Poll, _clock));

        Assert.Contains("did not finish within 60 s (waited 60.0 s, 13 poll(s), last status not started (ScanNotFoundException; is scan on push on?))", error.Message, StringComparison.Ordinal);
        Assert.Equal(13, _ecr.CountOf("DescribeImageScanFindings"));
    }

    [Fact]
    public async Task Waiting_on_an_image_that_is_not_there_fails_at_once()
    {
        var error = await Assert.ThrowsAsync<EcrImageNotFoundException>(() => Client().WaitForScanAsync("app", "sha256:0000", TimeSpan.FromSeconds(30), Poll, _clock));

        Assert.StartsWith("Image app@sha256:0000 is not in ECR (eu-west-1)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _ecr.CountOf("DescribeImageScanFindings"));
    }

    public void Dispose() => _ecr.Dispose();

    private EcrClient Client() => new(_ecr.Settings(), new SecretRegistry(), new CapturingLog());
}

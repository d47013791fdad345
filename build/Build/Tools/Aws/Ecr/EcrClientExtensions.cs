using System.Globalization;

namespace Build.Tools.Aws.Ecr;

/// <summary>What the build composes from the ECR operations: waiting for a scan and adding a tag to a pushed digest.</summary>
public static class EcrClientExtensions
{
    /// <summary>ECR's scan APIs are rate-limited; polling every 5 s is what the AWS CLI waiter does.</summary>
    public static readonly TimeSpan DefaultScanPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Polls DescribeImageScanFindings until the scan is COMPLETE (or ACTIVE) or has FAILED, and returns it; a scan
    /// that is not there yet counts as pending. Throws <see cref="TimeoutException"/> naming the elapsed time and last
    /// status when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<EcrScanFindings> WaitForScanAsync(
        this IEcrClient client, string repository, string digest, TimeSpan timeout, TimeSpan pollInterval, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        clock ??= TimeProvider.System;
        var started = clock.GetTimestamp();
        var polls = 0;
        while (true)
        {
            string last;
            try
            {
                polls++;
                var scan = await client.DescribeImageScanFindingsAsync(repository, digest, cancellationToken);
                if (scan.Status.State != EcrScanState.Pending)
                {
                    return scan;
                }

                last = scan.Status.ToString();
            }
            catch (EcrScanNotFoundException)
            {
                last = "not started (ScanNotFoundException; is scan on push on?)";
            }

            var elapsed = clock.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The ECR scan of {repository}@{digest} did not finish within {timeout.TotalSeconds:0.#} s (waited {elapsed.TotalSeconds:0.0} s, {polls} poll(s), last status {last}): raise --scan-timeout or check the scan in the ECR console."));
            }

            var remaining = timeout - elapsed;
            await Task.Delay(remaining < pollInterval ? remaining : pollInterval, clock, cancellationToken);
        }
    }

    /// <summary>Adds <paramref name="tag"/> to the image with <paramref name="digest"/> without pulling it: BatchGetImage, then PutImage of the same manifest.</summary>
    public static async Task<EcrTagResult> AddTagAsync(this IEcrClient client, string repository, string digest, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var manifest = await client.BatchGetImageAsync(repository, digest, cancellationToken);
        return await client.PutImageAsync(manifest, tag, cancellationToken);
    }
}

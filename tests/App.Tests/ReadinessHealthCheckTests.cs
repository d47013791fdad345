using App.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace App.Tests;

public sealed class ReadinessHealthCheckTests : IDisposable
{
    private readonly FakeLifetime _lifetime = new();

    [Fact]
    public async Task Given_the_host_has_not_started_When_checked_Then_unhealthy()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Given_the_host_has_started_When_checked_Then_healthy()
    {
        await _lifetime.Started.CancelAsync();

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Given_the_host_is_stopping_When_checked_Then_unhealthy()
    {
        await _lifetime.Started.CancelAsync();
        await _lifetime.Stopping.CancelAsync();

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("stopping", result.Description, StringComparison.Ordinal);
    }

    public void Dispose() => _lifetime.Dispose();

    private Task<HealthCheckResult> CheckAsync() =>
        new ReadinessHealthCheck(_lifetime).CheckHealthAsync(new HealthCheckContext());

    private sealed class FakeLifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        public CancellationTokenSource Stopped { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => Stopped.Token;

        public void StopApplication() => Stopping.Cancel();

        public void Dispose()
        {
            Started.Dispose();
            Stopping.Dispose();
            Stopped.Dispose();
        }
    }
}

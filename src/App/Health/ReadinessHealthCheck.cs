using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace App.Health;

/// <summary>Ready once the host has started; not ready again as soon as it begins stopping.</summary>
public sealed class ReadinessHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = lifetime switch
        {
            { ApplicationStopping.IsCancellationRequested: true } => HealthCheckResult.Unhealthy("The application is stopping."),
            { ApplicationStarted.IsCancellationRequested: false } => HealthCheckResult.Unhealthy("The application has not started yet."),
            _ => HealthCheckResult.Healthy("The application is running."),
        };

        return Task.FromResult(result);
    }
}

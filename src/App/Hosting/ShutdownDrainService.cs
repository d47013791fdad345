namespace App.Hosting;

/// <summary>
/// Once the host starts stopping, keeps the server up for <c>Shutdown:DrainDelay</c> (default none) so the
/// load balancer can see <c>/ready</c> answer 503 and stop sending traffic before connections close.
/// </summary>
public sealed class ShutdownDrainService(IConfiguration configuration, ILogger<ShutdownDrainService> logger) : IHostedLifecycleService
{
    public const string DrainDelayKey = "Shutdown:DrainDelay";

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = configuration.GetValue(DrainDelayKey, TimeSpan.Zero);
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        logger.LogInformation("Stopping: draining for {Delay} before the server closes.", delay);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first; stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Build.Core.Health;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Accessibility;

/// <summary>
/// A web service started for the scan: a child process that counts as started once its health endpoint answers
/// with success. Disposing kills the whole process tree. Its recent output is kept for error messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int TailLines = 30;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ServiceProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Gets the last lines the service wrote (standard output and error, interleaved as they came).</summary>
    public IReadOnlyList<string> LastOutput
    {
        get
        {
            lock (_tail)
            {
                return [.. _tail];
            }
        }
    }

    /// <summary>Starts <paramref name="start"/> and waits until <paramref name="health"/> answers 2xx.</summary>
    /// <exception cref="ServiceStartException">The process exited or did not get healthy in time (it is killed).</exception>
    public static async Task<ServiceProcess> StartAsync(ProcessStartInfo start, Uri baseUrl, Uri health, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        var service = new ServiceProcess(new Process { StartInfo = start }, baseUrl);
        service._process.OutputDataReceived += (_, line) => service.Record(line.Data);
        service._process.ErrorDataReceived += (_, line) => service.Record(line.Data);
        try
        {
            service._process.Start();
        }
        catch (Win32Exception failure)
        {
            service._process.Dispose();
            throw new CakeException($"Could not start '{start.FileName}' for the accessibility scan: {failure.Message}.");
        }

        service._process.StandardInput.Close();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        try
        {
            await service.WaitHealthyAsync(health, timeout);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // It already exited and was reaped.
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped within the wait: nothing more can be done from here.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitHealthyAsync(Uri health, TimeSpan timeout)
    {
        var result = await HealthEndpointWait.UntilHealthyAsync(health, timeout, WhyStopped, Interruption.Current.Token);
        if (!result.IsHealthy)
        {
            throw new ServiceStartException($"The service {result.Failure}.", LastOutput);
        }
    }

    private string? WhyStopped()
    {
        if (!_process.HasExited)
        {
            return null;
        }

        _process.WaitForExit();
        return string.Create(CultureInfo.InvariantCulture, $"exited with code {_process.ExitCode} before it answered");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}

using System.Runtime.InteropServices;
using Cake.Core;

namespace Cake.Frosting.Internal;

/// <summary>
/// SIGINT and SIGTERM no longer end the build at once. The first is recorded on <see cref="Interruption"/> (tasks stop,
/// waits end, the report says "interrupted", the exit code is 130) and every child process gets the graceful stop: a
/// child that has not shown it received the signal itself (a terminal's Ctrl-C and <c>timeout</c> signal the whole
/// process group; <c>kill -INT &lt;pid&gt;</c> reaches only the build) gets SIGINT after <see cref="ForwardGrace"/>.
/// The build then waits for its children as the running task does; nothing is killed. A second signal forwards
/// SIGINT to every child at once and exits with 130 without waiting.
/// </summary>
internal sealed class InterruptHook : IDisposable
{
    /// <summary>
    /// How long a child has to acknowledge an interrupt it received itself before it is sent one. Terraform prints
    /// "Interrupt received." at once; a second SIGINT would make it abort without saving state, so this errs long.
    /// </summary>
    public static readonly TimeSpan ForwardGrace = TimeSpan.FromSeconds(5);

    private readonly Interruption _interruption;
    private readonly IConsole _console;
    private readonly List<PosixSignalRegistration> _registrations = [];

    private InterruptHook(Interruption interruption, IConsole console)
    {
        _interruption = interruption;
        _console = console;
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    public static InterruptHook Install(Interruption interruption, IConsole console) => new(interruption, console);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext signal)
    {
        signal.Cancel = true;
        var name = signal.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";
        if (_interruption.Request(name))
        {
            _console.WriteErrorLine(
                $"Interrupted ({name}): stopping gracefully; child processes get SIGINT and the build waits for them to save their work. Interrupt again to abort at once.");
            _ = Task.Run(ForwardAfterGraceAsync);
            return;
        }

        if (!_interruption.Abort())
        {
            return;
        }

        foreach (var process in ChildProcesses.Below(Environment.ProcessId))
        {
            Signals.SendInterrupt(process.Id);
        }

        // The running task may fail meanwhile (its child stopped); the reporter stays silent once the run is aborted.
        _console.WriteErrorLine($"Error: Interrupted ({name}) twice: aborted at once without waiting for child processes; a terraform state lock may be left held.");
        Environment.Exit(Interruption.ExitCode);
    }

    private async Task ForwardAfterGraceAsync()
    {
        var before = ChildProcesses.Of(Environment.ProcessId);
        await Task.Delay(ForwardGrace).ConfigureAwait(false);
        foreach (var child in ChildProcesses.Of(Environment.ProcessId))
        {
            if (_interruption.IsAcknowledged(child.Id))
            {
                _console.WriteErrorLine($"Waiting for {child.Name} (pid {child.Id}) to stop: it received the interrupt itself.");
                continue;
            }

            // A child started after the interrupt was started by code that already knows (and stops on its own). The
            // child's own children get it too, as from a terminal: dotnet test stops only when its test runner does.
            if (before.Any(earlier => earlier.Id == child.Id) && Signals.SendInterrupt(child.Id))
            {
                foreach (var descendant in ChildProcesses.Below(child.Id))
                {
                    Signals.SendInterrupt(descendant.Id);
                }

                _console.WriteErrorLine($"Sent SIGINT to {child.Name} (pid {child.Id}) and the processes it started, which had not shown they received the interrupt.");
            }
        }
    }
}

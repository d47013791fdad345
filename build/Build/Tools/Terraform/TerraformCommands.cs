using Cake.Core;
using Cake.Core.IO;
using Cake.Frosting;

namespace Build.Tools.Terraform;

/// <summary>
/// The terraform commands the build runs, each owning its arguments (<see cref="TerraformArguments"/>) and the meaning
/// of its exit codes: a failure becomes one line (stale plan, state lock held, interrupted, else terraform's first
/// errors, each once and with the file people edit, see <see cref="TerraformDiagnostics"/>); <see cref="Plan"/> answers whether there are changes. Each label names the command in messages,
/// e.g. "terraform plan (dev)".
/// </summary>
public sealed class TerraformCommands(TerraformRunner runner)
{
    public static TerraformCommands For(ICakeContext context) => new(TerraformRunner.For(context));

    public void Init(TerraformInitSettings settings, string label) => Run(settings, TerraformArguments.Init(settings), label);

    public void Validate(TerraformSettings settings) => Run(settings, TerraformArguments.Validate(), "terraform validate");

    /// <summary>plan -detailed-exitcode: 0 is no changes, 2 is changes, anything else a failure.</summary>
    public TerraformPlanOutcome Plan(TerraformPlanSettings settings, string label) =>
        Run(settings, TerraformArguments.Plan(settings), label, 0, 2).ExitCode == 2 ? TerraformPlanOutcome.Changes : TerraformPlanOutcome.NoChanges;

    public void Apply(TerraformApplySettings settings, string label) => Run(settings, TerraformArguments.Apply(settings), label);

    /// <summary>The saved plan as JSON (terraform show -json), printed nowhere.</summary>
    public string ShowJson(TerraformSettings settings, FilePath planFile) =>
        Quiet(settings, TerraformArguments.ShowJson(planFile), "terraform show -json");

    /// <summary>The root module's outputs as JSON (terraform output -json), printed nowhere: they may hold secrets.</summary>
    public string OutputJson(TerraformSettings settings) => Quiet(settings, TerraformArguments.OutputJson(), "terraform output -json");

    // Terraform received a signal the build did not (someone stopped terraform itself): its errors are the consequence.
    private static string Stopped(TerraformResult result) =>
        result.Output.Any(line => line.Trim() == TerraformRunner.InterruptReceived) ? " after terraform was interrupted by a signal from outside the build" : "";

    private string Quiet(TerraformSettings settings, ProcessArgumentBuilder arguments, string label)
    {
        settings.OutputLine = null;
        return Run(settings, arguments, label).Text;
    }

    private TerraformResult Run(TerraformSettings settings, ProcessArgumentBuilder arguments, string label, params int[] successCodes)
    {
        var result = runner.Execute(settings, arguments);
        var succeeded = successCodes.Length == 0 ? result.ExitCode == 0 : successCodes.Contains(result.ExitCode);
        if (Interruption.Current.IsRequested)
        {
            throw Interruption.Stopped(TerraformInterruption.Describe(Interruption.Current, label, settings, result, succeeded));
        }

        if (succeeded)
        {
            return result;
        }

        if (TerraformErrors.IsStalePlan(result))
        {
            throw new CakeException($"{label} failed: the saved plan is stale (the state changed after Plan). Run Plan again and review it; a stale plan is never re-planned silently.");
        }

        if (TerraformErrors.LockId(result) is { } lockId)
        {
            throw new CakeException(
                $"{label} failed: the state is locked by another process (lock ID {lockId}) and stayed locked for --lock-timeout {settings.LockTimeout}. "
                + $"Wait for it to finish, or if it died: terraform force-unlock {lockId}");
        }

        var errors = TerraformDiagnostics.Errors(result.Output, settings.SourcePath);
        foreach (var error in errors)
        {
            settings.Diagnostic?.Invoke(error);
        }

        var what = TerraformDiagnostics.Describe(errors) ?? TerraformErrors.FirstError(result);
        throw new CakeException($"{label} failed (exit {result.ExitCode}){Stopped(result)}: {what}");
    }
}

using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Terraform;

/// <summary>Settings shared by every terraform command: where it runs and how long it waits for the state lock.</summary>
public class TerraformSettings : ToolSettings
{
    public TerraformSettings()
    {
        // Automation mode: no interactive prompts, no "run terraform apply" hints in the output.
        EnvironmentVariables["TF_IN_AUTOMATION"] = "1";
        EnvironmentVariables["TF_INPUT"] = "0";
    }

    /// <summary>Gets or sets how long to wait for a state lock held by someone else (e.g. "5m").</summary>
    public string? LockTimeout { get; set; }

    /// <summary>Gets or sets a callback for each output line, or null to print nothing.</summary>
    public Action<string>? OutputLine { get; set; }

    /// <summary>
    /// Gets or sets how long terraform may take to stop after the build is interrupted (it finishes the operations in
    /// flight, saves state and releases the lock). After that the build stops waiting and leaves it running.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the local backend's lock file, checked after an interrupted command (null: S3 or no backend).</summary>
    public FilePath? StateLockFile { get; set; }

    /// <summary>
    /// Gets or sets how a file terraform names in an error (relative to its working directory, or absolute) is shown:
    /// the file people edit, not terraform's working copy of it. Null shows terraform's own path.
    /// </summary>
    public Func<string, string>? SourcePath { get; set; }

    /// <summary>Gets or sets a callback for each distinct error of a failed command (e.g. a CI annotation), or null.</summary>
    public Action<TerraformDiagnostic>? Diagnostic { get; set; }

    /// <summary>Gets whether this command takes the state lock.</summary>
    public virtual bool LocksState => false;

    /// <summary>Gets what an interrupted run of this command leaves behind, for the interruption's message.</summary>
    public virtual string InterruptedOutcome => "nothing was changed";
}

public sealed class TerraformInitSettings : TerraformSettings
{
    public override string InterruptedOutcome => "nothing was planned or applied";

    public bool Backend { get; set; } = true;

    public FilePath? BackendConfigFile { get; set; }
}

public sealed class TerraformPlanSettings : TerraformSettings
{
    public override bool LocksState => true;

    public override string InterruptedOutcome => "nothing was applied, and no plan was kept";

    public required FilePath OutFile { get; set; }

    /// <summary>Gets or sets a value indicating whether the plan only reads the real objects into a proposed state (plan -refresh-only): it proposes no change to them, and a plan writes no state.</summary>
    public bool RefreshOnly { get; set; }

    public IList<FilePath> VarFiles { get; } = [];

    public IDictionary<string, string> Variables { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

public sealed class TerraformApplySettings : TerraformSettings
{
    public override bool LocksState => true;

    public override string InterruptedOutcome => "the apply may be partial: terraform saved the state of what it changed; run Plan to see what remains";

    public required FilePath PlanFile { get; set; }
}

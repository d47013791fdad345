using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Terraform;

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
}

public sealed class TerraformInitSettings : TerraformSettings
{
    public bool Backend { get; set; } = true;

    public FilePath? BackendConfigFile { get; set; }
}

public sealed class TerraformPlanSettings : TerraformSettings
{
    public required FilePath OutFile { get; set; }

    public IList<FilePath> VarFiles { get; } = [];

    public IDictionary<string, string> Variables { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

public sealed class TerraformApplySettings : TerraformSettings
{
    public required FilePath PlanFile { get; set; }
}

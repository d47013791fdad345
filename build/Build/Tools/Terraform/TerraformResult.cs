namespace Build.Tools.Terraform;

/// <summary>What one terraform command returned: its exit code and every line it printed.</summary>
public sealed record TerraformResult(int ExitCode, IReadOnlyList<string> Output)
{
    public string Text => string.Join('\n', Output);
}

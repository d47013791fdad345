using System.Text.RegularExpressions;

namespace Build.Tools.Terraform;

/// <summary>Recognises terraform's failures that deserve their own clear message.</summary>
public static partial class TerraformErrors
{
    public static bool IsStalePlan(TerraformResult result) =>
        result.Text.Contains("Saved plan is stale", StringComparison.Ordinal);

    /// <summary>Terraform stopped but could not release the state lock ("Error releasing the state lock").</summary>
    public static bool IsUnreleasedLock(TerraformResult result) =>
        result.Text.Contains("Error releasing the state lock", StringComparison.Ordinal);

    /// <summary>The lock ID from "Error acquiring the state lock", or null when the failure is something else.</summary>
    public static string? LockId(TerraformResult result)
    {
        if (!result.Text.Contains("Error acquiring the state lock", StringComparison.Ordinal))
        {
            return null;
        }

        var match = LockIdLine().Match(result.Text);
        return match.Success ? match.Groups["id"].Value : "unknown";
    }

    /// <summary>The lock ID terraform names when it could not release the lock ("unknown" if it names none).</summary>
    public static string UnreleasedLockId(TerraformResult result)
    {
        var match = LockIdLine().Match(result.Text);
        return match.Success ? match.Groups["id"].Value : "unknown";
    }

    /// <summary>The last "Error: ..." line terraform printed, for a one-line failure message.</summary>
    public static string FirstError(TerraformResult result) =>
        result.Output.FirstOrDefault(line => line.TrimStart('│', ' ').StartsWith("Error:", StringComparison.Ordinal))?.TrimStart('│', ' ')
        ?? result.Output.LastOrDefault(line => line.Trim().Length > 0)?.Trim()
        ?? "no output";

    [GeneratedRegex(@"ID:\s+(?<id>[0-9a-fA-F-]{8,})")]
    private static partial Regex LockIdLine();
}

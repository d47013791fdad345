using Cake.Core;

namespace Build.Stages.Infrastructure;

/// <summary>
/// The app secrets terraform manages for the environment (output <c>app_secrets</c>): each environment variable name
/// with its Secrets Manager ARN, and the ARN prefix every secret terraform makes for this environment starts with
/// (so a secret removed from the tfvars is recognised in a task definition). Values are never here: they are set out
/// of band and read by ECS at task start.
/// </summary>
public sealed record AppSecrets(string ArnPrefix, IReadOnlyDictionary<string, string> Arns)
{
    /// <summary>The terraform output that carries them.</summary>
    public const string Output = "app_secrets";

    /// <summary>Reads the output; null when it is missing (infrastructure applied before it existed).</summary>
    public static AppSecrets? From(TerraformOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var read = outputs.ReadJson<AppSecrets>(Output, "a map of app secrets");
        if (read is null)
        {
            return null;
        }

        return read is { ArnPrefix.Length: > 0, Arns: not null } && read.Arns.Values.All(arn => arn.StartsWith(read.ArnPrefix, StringComparison.Ordinal))
            ? read
            : throw new CakeException($"terraform output {Output} has no arnPrefix, no arns, or an ARN outside the prefix: check terraform/outputs.tf.");
    }
}

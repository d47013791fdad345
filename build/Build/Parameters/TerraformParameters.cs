using System.Text.RegularExpressions;
using Build.Core;

namespace Build.Parameters;

/// <summary>How the Terraform stage runs: backend, lock wait, and the two explicit permissions.</summary>
public sealed partial record TerraformParameters(TerraformBackend Backend, string LockTimeout, bool AllowDestroy, bool Approved)
{
    /// <summary>The endpoint the emulator backend needs: without it, local state would track real AWS resources.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>Gets a value indicating whether the plan is made with offline_mode = true (review only: Apply refuses it).</summary>
    public bool Offline => Backend == TerraformBackend.Local;

    /// <summary>How long terraform waits for a state lock when <c>--lock-timeout</c> is not given.</summary>
    public const string DefaultLockTimeout = "5m";

    public static TerraformParameters Parse(ArgumentReader reader)
    {
        var backend = Enum.Parse<TerraformBackend>(reader.Choice(ParameterTable.TerraformBackend), ignoreCase: true);
        if (backend == TerraformBackend.Emulator && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable)))
        {
            throw UsageError.Of(
                $"--{ArgumentNames.TerraformBackend} emulator needs {EndpointVariable} (the AWS-compatible endpoint to plan and apply against): "
                + $"without it local state would track real AWS resources. Set it, or use --{ArgumentNames.TerraformBackend} s3.");
        }

        var lockTimeout = reader.Text(ParameterTable.LockTimeout) ?? DefaultLockTimeout;
        if (!Duration().IsMatch(lockTimeout))
        {
            throw UsageError.Of($"Invalid --{ArgumentNames.LockTimeout} '{lockTimeout}': use a duration such as 30s, 5m or 1h.");
        }

        return new TerraformParameters(backend, lockTimeout, reader.Switch(ParameterTable.AllowDestroy), reader.Switch(ParameterTable.Approve));
    }

    [GeneratedRegex(@"^\d+(s|m|h)$")]
    private static partial Regex Duration();
}

using System.Text.RegularExpressions;

namespace Build.Parameters;

/// <summary>How the Terraform stage runs: backend, lock wait, and the two explicit permissions.</summary>
public sealed partial record TerraformParameters(bool LocalBackend, string LockTimeout, bool AllowDestroy, bool Approved)
{
    public const string Backend = "terraform-backend";
    public const string LockTimeoutName = "lock-timeout";
    public const string AllowDestroyName = "allow-destroy";
    public const string ApproveName = "approve";

    public static TerraformParameters Parse(ArgumentReader reader)
    {
        var backend = reader.OneOf(Backend, ["s3", "local"], "s3");
        var lockTimeout = reader.Optional(LockTimeoutName) ?? "5m";
        if (!Duration().IsMatch(lockTimeout))
        {
            throw UsageError.Of($"Invalid --{LockTimeoutName} '{lockTimeout}': use a duration such as 30s, 5m or 1h.");
        }

        return new TerraformParameters(backend == "local", lockTimeout, reader.Flag(AllowDestroyName), reader.Flag(ApproveName));
    }

    [GeneratedRegex(@"^\d+(s|m|h)$")]
    private static partial Regex Duration();
}

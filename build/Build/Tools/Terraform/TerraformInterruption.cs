using Cake.Frosting;

namespace Build.Tools.Terraform;

/// <summary>The one line that says what an interrupted terraform command left: how it stopped, the state lock, the outcome.</summary>
public static class TerraformInterruption
{
    // finished: terraform completed the command before the interrupt took effect (its result is discarded all the same).
    public static string Describe(Interruption interruption, string what, TerraformSettings settings, TerraformResult result, bool finished = false)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        var stopped = finished ? $"terraform had already finished (exit {result.ExitCode})" : $"terraform stopped (exit {result.ExitCode})";
        var lockState = settings.LocksState ? $" and {LockState(settings, result)}" : "";
        return $"Interrupted ({interruption.Signal}) during {interruption.Task ?? "the build"} ({what}): {stopped}{lockState}; {settings.InterruptedOutcome}.";
    }

    private static string LockState(TerraformSettings settings, TerraformResult result)
    {
        if (TerraformErrors.IsUnreleasedLock(result))
        {
            var id = TerraformErrors.UnreleasedLockId(result);
            return $"could not release the state lock (lock ID {id}): once no terraform runs on this state, release it with terraform force-unlock {id}";
        }

        if (settings.StateLockFile is { } lockFile && File.Exists(lockFile.FullPath))
        {
            return $"left the state lock {lockFile.FullPath}: once no terraform runs on this state, release it with terraform force-unlock";
        }

        return "released the state lock";
    }
}

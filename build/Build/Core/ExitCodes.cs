namespace Build.Core;

/// <summary>Process exit codes of the build (0–2 are the same as Cake's host uses).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>Another build holds this checkout's run lock; nothing was done.</summary>
    public const int Locked = 3;

    /// <summary>Interrupted by SIGINT/SIGTERM (Ctrl-C): 128 + SIGINT, as a shell reports it.</summary>
    public const int Interrupted = Cake.Frosting.Interruption.ExitCode;
}

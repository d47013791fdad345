namespace Build;

/// <summary>Process exit codes of the build (the same as Cake's host uses).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>Interrupted by SIGINT/SIGTERM (Ctrl-C): 128 + SIGINT, as a shell reports it.</summary>
    public const int Interrupted = Cake.Frosting.Interruption.ExitCode;
}

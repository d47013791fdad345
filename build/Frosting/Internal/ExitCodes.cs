namespace Cake.Frosting.Internal;

/// <summary>The process exit codes of the host.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A task failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line or parameter value; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by SIGINT or SIGTERM (128 + SIGINT, as a shell reports a process stopped by Ctrl-C).</summary>
    public const int Interrupted = Interruption.ExitCode;
}

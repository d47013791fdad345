using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// Turns a failed run into one error line and an exit code. The stack trace is printed only at
/// diagnostic verbosity. A <see cref="CakeException"/> carries its own exit code (2 for usage errors).
/// </summary>
internal static class FailureReporter
{
    public static int Report(Exception exception, ICakeLog log, IConsole console)
    {
        var cause = Unwrap(exception);
        console.WriteErrorLine($"Error: {cause.Message}");
        if (log.Verbosity >= Verbosity.Diagnostic)
        {
            console.WriteErrorLine(exception.ToString());
        }

        return cause is CakeException { ExitCode: not 0 } cake ? cake.ExitCode : ExitCodes.Failure;
    }

    /// <summary>A run stopped by SIGINT/SIGTERM: one line naming what was interrupted, exit code 130.</summary>
    public static int ReportInterrupted(Exception exception, Interruption interruption, ICakeLog log, IConsole console)
    {
        console.WriteErrorLine($"Error: {interruption.Describe(Unwrap(exception))}");
        if (log.Verbosity >= Verbosity.Diagnostic)
        {
            console.WriteErrorLine(exception.ToString());
        }

        return ExitCodes.Interrupted;
    }

    public static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (current is CakeReportException or AggregateException or System.Reflection.TargetInvocationException
               && current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}

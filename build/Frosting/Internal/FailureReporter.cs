using System.Globalization;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// Turns a failed run into one error line and an exit code. The stack trace is printed only at
/// diagnostic verbosity. A <see cref="CakeException"/> carries its own exit code (2 for usage errors).
/// A message longer than the line limit is cut, and saved whole where the build says.
/// </summary>
internal sealed class FailureReporter(ICakeLog log, IConsole console, int lineLimit, Func<string, string?> saveWhole)
{
    public int Report(Exception exception)
    {
        var cause = Unwrap(exception);
        console.WriteErrorLine($"Error: {Bound(cause.Message)}");
        if (log.Verbosity >= Verbosity.Diagnostic)
        {
            console.WriteErrorLine(exception.ToString());
        }

        return cause is CakeException { ExitCode: not 0 } cake ? cake.ExitCode : ExitCodes.Failure;
    }

    /// <summary>A run stopped by SIGINT/SIGTERM: one line naming what was interrupted, exit code 130.</summary>
    public int ReportInterrupted(Exception exception, Interruption interruption)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        if (interruption.IsAborted)
        {
            return ExitCodes.Interrupted;
        }

        console.WriteErrorLine($"Error: {Bound(interruption.Describe(Unwrap(exception)))}");
        if (log.Verbosity >= Verbosity.Diagnostic)
        {
            console.WriteErrorLine(exception.ToString());
        }

        return ExitCodes.Interrupted;
    }

    /// <summary>A run whose last task finished although it was interrupted meanwhile: still one line and exit code 130.</summary>
    public int ReportInterruptedAfterFinish(Interruption interruption)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        if (!interruption.IsAborted)
        {
            console.WriteErrorLine($"Error: {interruption.DescribeFinished()}");
        }

        return ExitCodes.Interrupted;
    }

    private string Bound(string message)
    {
        if (message.Length <= lineLimit)
        {
            return message;
        }

        var cut = (message.Length - lineLimit).ToString(CultureInfo.InvariantCulture);
        var where = saveWhole(message);
        return where is null
            ? $"{message[..lineLimit]}... (+{cut} characters)"
            : $"{message[..lineLimit]}... (+{cut} characters; the whole message is in {where})";
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

using Cake.Core;
using Cake.Core.IO;

namespace Cake.Frosting.Internal;

/// <summary>
/// Every child process's output that would go straight to the terminal is routed through the build's
/// console instead, so the output filter (secret redaction) sees it too. Output a caller redirects to
/// read it itself is left alone.
/// </summary>
internal sealed class RedactingProcessRunner(IProcessRunner inner, IConsole console) : IProcessRunner
{
    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        if (!settings.RedirectStandardOutput)
        {
            settings.RedirectStandardOutput = true;
            settings.RedirectedStandardOutputHandler = line => Forward(line, console.WriteLine);
        }

        if (!settings.RedirectStandardError)
        {
            settings.RedirectStandardError = true;
            settings.RedirectedStandardErrorHandler = line => Forward(line, console.WriteErrorLine);
        }

        return inner.Start(filePath, settings);
    }

    // Returning null keeps the line out of the process's captured output: it has been printed already.
    private static string? Forward(string? line, Action<string, object[]> write)
    {
        if (line is not null)
        {
            write(line, []);
        }

        return null;
    }
}

using Cake.Core;
using Cake.Core.IO;

namespace Build.Core.Processes;

/// <summary>Redirects a process's output into <see cref="OutputCapture"/>s, in the style of Cake's own <see cref="ProcessSettingsExtensions"/>.</summary>
public static class ProcessSettingsCaptureExtensions
{
    /// <summary>Captures standard output and standard error together, interleaved as they arrive.</summary>
    public static ProcessSettings CaptureOutput(this ProcessSettings settings, OutputCapture output) =>
        settings.CaptureOutput(output, output);

    /// <summary>Captures standard output and standard error into separate captures (or the same one).</summary>
    public static ProcessSettings CaptureOutput(this ProcessSettings settings, OutputCapture standardOutput, OutputCapture standardError)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(standardError);
        return settings
            .SetRedirectStandardOutput(true)
            .SetRedirectedStandardOutputHandler(standardOutput.Receive)
            .SetRedirectStandardError(true)
            .SetRedirectedStandardErrorHandler(standardError.Receive);
    }
}

using Build.Parameters;
using Cake.Core;

namespace Build.Stages.Accessibility;

/// <summary>
/// Finds the Chromium-family browser the scan drives: <c>--browser-path</c>, else <c>A11Y_BROWSER_PATH</c>, else
/// <c>/usr/bin/chromium</c>, else <c>chromium-browser</c>, <c>google-chrome</c> or <c>chromium</c> on PATH.
/// Playwright's own browser download is never used (it needs the internet).
/// </summary>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "A11Y_BROWSER_PATH";
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] OnPath = ["chromium-browser", "google-chrome", "chromium"];

    /// <param name="parameter">The value of <c>--browser-path</c>, if given.</param>
    /// <param name="environment">Reads an environment variable (A11Y_BROWSER_PATH, PATH).</param>
    /// <param name="fileExists">Whether a file exists (a seam for tests).</param>
    public static string Resolve(string? parameter, Func<string, string?> environment, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(fileExists);
        if (!string.IsNullOrWhiteSpace(parameter))
        {
            return Existing(parameter, $"--{ArgumentNames.BrowserPath} {parameter}", fileExists);
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Existing(fromEnvironment, $"{EnvironmentVariable}={fromEnvironment}", fileExists);
        }

        if (fileExists(DefaultPath))
        {
            return DefaultPath;
        }

        var directories = (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return OnPath
            .SelectMany(name => directories.Select(directory => Path.Combine(directory, name)))
            .FirstOrDefault(fileExists)
            ?? throw new CakeException(
                $"No browser for the accessibility scan: {DefaultPath} does not exist and none of {string.Join(", ", OnPath)} is on PATH. "
                + $"Install Chromium (Debian: apt-get install -y chromium) or set --{ArgumentNames.BrowserPath} (or {EnvironmentVariable}) to a Chromium or Chrome executable.");
    }

    private static string Existing(string path, string setting, Func<string, bool> fileExists) =>
        fileExists(path)
            ? path
            : throw new CakeException(
                $"The browser set by {setting} does not exist. Install Chromium (Debian: apt-get install -y chromium) "
                + $"or point --{ArgumentNames.BrowserPath} (or {EnvironmentVariable}) at a Chromium or Chrome executable.");
}

using System.Globalization;
using Build.Core.Vulnerabilities;
using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Trivy;

/// <summary>
/// Wraps <c>trivy image --format json --quiet --output &lt;file&gt; &lt;image&gt;</c>. When trivy is not on PATH (and no
/// ToolPath is set) the scan is skipped with its reason and the install hint; the caller decides whether that fails
/// (<c>--vuln-scan required</c>) or warns, never silently.
/// </summary>
public sealed class TrivyScanner : Tool<TrivySettings>
{
    public const string NotInstalledReason = "trivy not installed";

    /// <summary>How to get trivy, for the line that says the scan did not run.</summary>
    public const string InstallHint = "install trivy (https://trivy.dev/latest/getting-started/installation/) and put it on PATH";

    private readonly ICakeEnvironment _environment;

    public TrivyScanner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
        : base(fileSystem, environment, processRunner, tools)
    {
        _environment = environment;
    }

    public ScannerOutcome ScanImage(string image, TrivySettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        ArgumentNullException.ThrowIfNull(settings);
        if (GetToolPath(settings) is null)
        {
            return ScannerOutcome.Skipped(VulnerabilitySources.Trivy, NotInstalledReason, InstallHint);
        }

        var output = settings.OutputFile.MakeAbsolute(_environment);
        Directory.CreateDirectory(output.GetDirectory().FullPath);
        Run(settings, Arguments(image, settings, _environment));
        if (!File.Exists(output.FullPath))
        {
            throw new CakeException($"trivy image {image} wrote no report to {output.FullPath}; see its output above.");
        }

        return ScannerOutcome.Completed(VulnerabilitySources.Trivy, TrivyReportReader.Read(output.FullPath), output.FullPath);
    }

    internal static ProcessArgumentBuilder Arguments(string image, TrivySettings settings, ICakeEnvironment environment)
    {
        var arguments = new ProcessArgumentBuilder().Append("image");
        AppendFormatArguments(arguments, settings, environment);
        AppendFilterArguments(arguments, settings);
        return arguments.AppendQuoted(image);
    }

    protected override string GetToolName() => "Trivy";

    protected override IEnumerable<string> GetToolExecutableNames() => ["trivy", "trivy.exe"];

    protected override void ProcessExitCode(int exitCode)
    {
        if (exitCode != 0)
        {
            throw new CakeException(
                $"trivy image failed with exit code {exitCode}; see its output above (its first run downloads the vulnerability database, which needs network access).");
        }
    }

    private static void AppendFormatArguments(ProcessArgumentBuilder arguments, TrivySettings settings, ICakeEnvironment environment) =>
        arguments.Append("--format json").Append("--quiet").Append("--output").AppendQuoted(settings.OutputFile.MakeAbsolute(environment).FullPath);

    private static void AppendFilterArguments(ProcessArgumentBuilder arguments, TrivySettings settings)
    {
        if (settings.IgnoreUnfixed)
        {
            arguments.Append("--ignore-unfixed");
        }

        if (settings.ScanTimeout is { } timeout)
        {
            arguments.Append("--timeout").Append(string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(timeout.TotalSeconds)}s"));
        }
    }
}

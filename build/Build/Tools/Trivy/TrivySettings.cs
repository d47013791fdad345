using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Trivy;

/// <summary>Settings of <c>trivy image</c>; the JSON report is written to <see cref="OutputFile"/> and kept as an artifact.</summary>
public sealed class TrivySettings : ToolSettings
{
    public TrivySettings(FilePath outputFile)
    {
        OutputFile = outputFile ?? throw new ArgumentNullException(nameof(outputFile));
    }

    public FilePath OutputFile { get; }

    /// <summary>Gets or sets a value indicating whether vulnerabilities without a fixed version are left out (--ignore-unfixed).</summary>
    public bool IgnoreUnfixed { get; set; }

    /// <summary>Gets or sets how long trivy may scan (--timeout); trivy's default (5 min) when null.</summary>
    public TimeSpan? ScanTimeout { get; set; }
}

using Build.Tests.Stages.Image.Vulnerabilities;
using Build.Tests.Tools.Aws;
using Build.Tools.Trivy;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Path = System.IO.Path;

namespace Build.Tests.Tools.Trivy;

public sealed class TrivyScannerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("build-tests-trivy-").FullName;
    private readonly CapturingLog _log = new();
    private readonly CakeEnvironment _environment = new(new CakePlatform(), new CakeRuntime());

    [Fact]
    public void The_command_line_asks_for_quiet_JSON_into_the_report_file()
    {
        var settings = new TrivySettings(new FilePath("/tmp/scan/trivy.json"));

        var arguments = TrivyScanner.Arguments("app:1.4.0", settings, _environment);

        Assert.Equal("image --format json --quiet --output \"/tmp/scan/trivy.json\" \"app:1.4.0\"", arguments.Render());
    }

    [Fact]
    public void Options_add_their_switches()
    {
        var settings = new TrivySettings(new FilePath("/tmp/scan/trivy.json")) { IgnoreUnfixed = true, ScanTimeout = TimeSpan.FromMinutes(2.5) };

        var arguments = TrivyScanner.Arguments("registry.local/app@sha256:abc", settings, _environment);

        Assert.Equal("image --format json --quiet --output \"/tmp/scan/trivy.json\" --ignore-unfixed --timeout 150s \"registry.local/app@sha256:abc\"", arguments.Render());
    }

    [Fact]
    public void Without_trivy_the_scan_is_skipped_with_a_reason_and_nothing_runs()
    {
        var output = Path.Combine(_directory, "trivy.json");

        var outcome = Scanner(toolPath: null).ScanImage("app:1.4.0", new TrivySettings(new FilePath(output)));

        Assert.False(outcome.Ran);
        Assert.Equal("trivy not installed", outcome.SkipReason);
        Assert.Equal("trivy: skipped (trivy not installed)", outcome.ToString());
        Assert.Empty(outcome.Findings);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void With_trivy_the_image_is_scanned_and_its_report_read()
    {
        var trivy = FakeTrivy(exitCode: 0);
        var output = Path.Combine(_directory, "scan", "trivy.json");

        var outcome = Scanner(trivy).ScanImage("app:1.4.0", new TrivySettings(new FilePath(output)));

        Assert.True(outcome.Ran);
        Assert.Equal(6, outcome.Findings.Count);
        Assert.Equal(output, outcome.ReportPath);
        Assert.Equal(["image", "--format", "json", "--quiet", "--output", output, "app:1.4.0"], File.ReadAllLines(Path.Combine(_directory, "args.txt")));
    }

    [Fact]
    public void A_failing_trivy_is_one_clear_error()
    {
        var trivy = FakeTrivy(exitCode: 2);

        var error = Assert.Throws<CakeException>(() => Scanner(trivy).ScanImage("app:1.4.0", new TrivySettings(new FilePath(Path.Combine(_directory, "trivy.json")))));

        Assert.Equal(
            "trivy image failed with exit code 2; see its output above (its first run downloads the vulnerability database, which needs network access).",
            error.Message);
    }

    [Fact]
    public void Without_trivy_the_alias_returns_a_skip_with_the_reason_and_the_install_hint_and_leaves_the_verdict_to_the_caller()
    {
        var outcome = Context(toolPath: null).TrivyScanImage("app:1.4.0", new TrivySettings(new FilePath(Path.Combine(_directory, "trivy.json"))));

        Assert.False(outcome.Ran);
        Assert.Equal("trivy not installed", outcome.SkipReason);
        Assert.Equal("install trivy (https://trivy.dev/latest/getting-started/installation/) and put it on PATH", outcome.Remedy);
        Assert.Empty(_log.Lines);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private TrivyScanner Scanner(FilePath? toolPath)
    {
        var context = Context(toolPath);
        return new TrivyScanner(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);
    }

    private CakeContext Context(FilePath? toolPath)
    {
        var fileSystem = new FileSystem();
        var tools = new FixedToolLocator(toolPath);
        var configuration = new CakeConfiguration(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        return new CakeContext(
            fileSystem,
            _environment,
            new Globber(fileSystem, _environment),
            _log,
            new CakeArguments(Array.Empty<string>().ToLookup(name => name)),
            new ProcessRunner(fileSystem, _environment, _log, tools, configuration),
            new WindowsRegistry(),
            tools,
            new CakeDataService(),
            configuration,
            new ToolInstaller(_environment, tools, configuration, _log, []),
            new EmptyServiceProvider());
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    /// <summary>A stand-in executable that records its arguments and writes the recorded Trivy fixture to --output.</summary>
    private FilePath FakeTrivy(int exitCode)
    {
        var path = Path.Combine(_directory, "trivy");
        File.WriteAllText(path, $$"""
            #!/usr/bin/env bash
            printf '%s\n' "$@" > '{{Path.Combine(_directory, "args.txt")}}'
            [ {{exitCode}} -eq 0 ] || exit {{exitCode}}
            while [ $# -gt 0 ]; do
              if [ "$1" = "--output" ]; then cp '{{VulnerabilityFixtures.TrivyReport}}' "$2"; fi
              shift
            done
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new FilePath(path);
    }
}

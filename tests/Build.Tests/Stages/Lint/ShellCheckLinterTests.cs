using Build.Stages.Lint;
using Build.Tests.Support;

namespace Build.Tests.Stages.Lint;

public sealed class ShellCheckLinterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("build-tests-shellcheck-").FullName;

    [Fact]
    [Integration("shellcheck")]
    public void Parse_reads_a_finding_from_real_shellcheck_gcc_output()
    {
        File.WriteAllText(Path.Combine(_directory, "greet.sh"), "#!/usr/bin/env bash\nset -euo pipefail\n\necho $1\n");

        var (exitCode, output, error) = ExternalTool.Run("shellcheck", _directory, "--format=gcc", "--shell=bash", "greet.sh");

        Assert.True(exitCode != 0, $"shellcheck found nothing: {string.Join('\n', output)} {error}");
        var finding = Assert.Single(ShellCheckLinter.Parse(output));
        Assert.Equal("shellcheck", finding.Linter);
        Assert.Equal("greet.sh", finding.File);
        Assert.Equal(4, finding.Line);
        Assert.Equal(6, finding.Column);
        Assert.Equal("SC2086", finding.Rule);
        Assert.Contains("quote", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("greet.sh:4:6: SC2086 " + finding.Message + " (shellcheck)", finding.ToString());
    }

    [Fact]
    public void Parse_ignores_lines_that_are_not_findings()
    {
        var findings = ShellCheckLinter.Parse(["", "In greet.sh line 4:", "build.sh:12:3: warning: x is unused. [SC2034]"]);

        var finding = Assert.Single(findings);
        Assert.Equal(("build.sh", 12, 3, "SC2034", "x is unused."), (finding.File, finding.Line, finding.Column, finding.Rule, finding.Message));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

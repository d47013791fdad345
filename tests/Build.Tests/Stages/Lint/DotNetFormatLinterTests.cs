using Build.Stages.Lint;
namespace Build.Tests.Stages.Lint;

public sealed class DotNetFormatLinterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("build-tests-format-").FullName;

    [Fact]
    public void Parse_reads_the_file_and_line_of_a_finding_from_a_real_dotnet_format_report()
    {
        var project = Path.Combine(_directory, "Throwaway.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        Directory.CreateDirectory(Path.Combine(_directory, "src"));
        File.WriteAllText(
            Path.Combine(_directory, "src", "Sample.cs"),
            "namespace Throwaway;\n\npublic static class Sample\n{\n    public static int Answer()\n    {\n            return 42;\n    }\n}\n");
        var reportDirectory = Path.Combine(_directory, "report");

        var (exitCode, output, error) = ExternalTool.Run("dotnet", _directory, "format", "whitespace", project, "--verify-no-changes", "--report", reportDirectory);

        Assert.True(exitCode != 0, $"dotnet format found nothing: {string.Join('\n', output)} {error}");
        var report = Path.Combine(reportDirectory, "format-report.json");
        Assert.True(File.Exists(report), $"no report written: {string.Join('\n', output)} {error}");
        var finding = Assert.Single(DotNetFormatLinter.Parse(File.ReadAllText(report), _directory));
        Assert.Equal("dotnet format", finding.Linter);
        Assert.Equal("src/Sample.cs", finding.File);
        Assert.Equal(7, finding.Line);
        Assert.Equal(9, finding.Column);
        Assert.Equal("WHITESPACE", finding.Rule);
        Assert.Contains("whitespace", finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

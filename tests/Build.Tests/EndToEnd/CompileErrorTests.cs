using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>Compile through the real build app on a project with compiler errors: the error line is the compiler's, not the CLI's.</summary>
public sealed class CompileErrorTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>

        """;

    private const string Broken = """
        namespace Broken;

        public static class Calculator
        {
            public static int Add(int a, int b) => a + c;
            public static int Twice(int a) => Missing(a);
            public static int Three() => Nope;
            public static string Four() => 4;
        }

        """;

    private readonly BuildProcess _build = new();

    [Fact]
    public void A_compile_error_ends_the_run_with_the_first_compiler_errors_relative_to_the_repository()
    {
        LeakyTestProject.WriteProject(_build.Root, "Broken", "Calculator.cs", Broken, Project);

        var run = _build.Run(Timeout, "--target", "Compile");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            "Error: Compile failed: tests/Broken/Calculator.cs(5,48): CS0103 The name 'c' does not exist in the current context; "
            + "tests/Broken/Calculator.cs(6,39): CS0103 The name 'Missing' does not exist in the current context; "
            + "tests/Broken/Calculator.cs(7,34): CS0103 The name 'Nope' does not exist in the current context "
            + "(+1 more error in artifacts/compile/errors.log)",
            run.ErrorLines[^1]);
        Assert.DoesNotContain("Process returned an error", run.All, StringComparison.Ordinal);
        Assert.Contains("error CS0029", File.ReadAllText(Path.Combine(_build.Artifacts, "compile", "errors.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_compile_leaves_no_error_log()
    {
        LeakyTestProject.WriteProject(_build.Root, "Fine", "Calculator.cs", "namespace Fine;\n\npublic static class Calculator\n{\n    public static int Add(int a, int b) => a + b;\n}\n", Project);

        var run = _build.Run(Timeout, "--target", "Compile");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(_build.Artifacts, "compile")), run.ToString());

        // Progress, not MSBuild's closing summary.
        Assert.Contains(run.OutputLines, line => line.StartsWith("Compile: built Fine (1 of 1, ", StringComparison.Ordinal));
        Assert.DoesNotContain("Build succeeded", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Time Elapsed", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning(s)", run.All, StringComparison.Ordinal);
    }

    public void Dispose() => _build.Dispose();
}

using Build.Stages.Compile;

namespace Build.Tests.Stages.Compile;

public sealed class CompileProgressTests
{
    private readonly List<string> _shown = [];

    [Fact]
    public void Each_built_project_is_a_line_with_its_count_and_the_time_and_the_summary_is_dropped()
    {
        var progress = new CompileProgress(_shown.Add, 2, _ => "5.0s");
        string[] output =
        [
            "  Frosting -> /repo/build/Frosting/bin/Release/net10.0/Cake.Frosting.Host.dll",
            "/repo/src/App/Pages/Index.cshtml.cs(3,1): warning CS8019: Unnecessary using directive. [/repo/src/App/App.csproj]",
            "  App -> /repo/src/App/bin/Release/net10.0/App.dll",
            "  Extra -> /repo/src/Extra/bin/Release/net10.0/Extra.dll",
            "",
            "Build succeeded.",
            "    1 Warning(s)",
            "    0 Error(s)",
            "",
            "FileLogger wrote to: /repo/artifacts/compile/errors.log",
            "",
            "Time Elapsed 00:02:25.14",
        ];

        output.ToList().ForEach(progress.Receive);

        Assert.Equal(
            [
                "Compile: built Frosting (1 of 2, 5.0s)",
                "/repo/src/App/Pages/Index.cshtml.cs(3,1): warning CS8019: Unnecessary using directive. [/repo/src/App/App.csproj]",
                "Compile: built App (2 of 2, 5.0s)",
                "Compile: built Extra (5.0s)",
            ],
            _shown);
    }

    [Fact]
    public void Errors_and_the_failure_stay()
    {
        var progress = new CompileProgress(_shown.Add, 1, _ => "1.0s");

        progress.Receive("/repo/src/App/A.cs(5,48): error CS0103: The name 'c' does not exist in the current context [/repo/src/App/App.csproj]");
        progress.Receive("Build FAILED.");

        Assert.Equal(["/repo/src/App/A.cs(5,48): error CS0103: The name 'c' does not exist in the current context [/repo/src/App/App.csproj]", "Build FAILED."], _shown);
    }

    [Fact]
    public void The_solution_s_projects_are_counted_without_its_folders()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "tests", "tests", "{11111111-1111-1111-1111-111111111111}"
                EndProject
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "src\App\App.csproj", "{22222222-2222-2222-2222-222222222222}"
                EndProject
                Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "App.Tests", "tests\App.Tests\App.Tests.csproj", "{33333333-3333-3333-3333-333333333333}"
                EndProject
                """);

            Assert.Equal(2, SolutionProjects.Count(file));
            Assert.Equal(0, SolutionProjects.Count(file + ".missing"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using Build.Tests.Stages.Accessibility;
using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>
/// Test and Coverage on a repository with two test projects: an app (App, gated) and code of the build's own (Build).
/// One TRX and one coverage file per test project under stable names, nothing written twice, and a coverage HTML
/// report that covers exactly what the gate judges, the build's own code in a report of its own.
/// </summary>
public sealed class TestResultNamesTests : IDisposable
{
    // Restore, build and test of four small projects; generous for a loaded 2-core machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private readonly BuildProcess _build = new();

    public TestResultNamesTests()
    {
        File.Copy(Path.Combine(Repository.Root, "Directory.Packages.props"), _build.Path("Directory.Packages.props"));
        Directory.CreateDirectory(_build.Path(".config"));
        File.Copy(Path.Combine(Repository.Root, ".config", "dotnet-tools.json"), _build.Path(".config", "dotnet-tools.json"));
        Library("src", "App", "public static class Greeting { public static string For(string name) => name.Length == 0 ? \"Hello!\" : $\"Hello, {name}!\"; }");
        Library("build", "Build", "public static class Steps { public static int Count(int a) => a > 0 ? a : 0; public static int Unused(int b) => b * 2; }");
        Tests("App", "[Fact] public void Greets() => Assert.Equal(\"Hello, Ann!\", Greeting.For(\"Ann\")); [Fact] public void Greets_nobody() => Assert.Equal(\"Hello!\", Greeting.For(\"\"));");
        Tests("Build", "[Fact] public void Counts() => Assert.Equal(1, Steps.Count(1));");
        File.WriteAllText(_build.Path("App.sln"), Solution());
    }

    public void Dispose() => _build.Dispose();

    [Fact]
    public void Each_test_project_has_one_trx_and_one_coverage_file_and_the_html_report_is_the_gated_app()
    {
        var run = _build.Run(Timeout, "--target", "Coverage", "--tests", "unit");

        Assert.True(run.ExitCode == 0, run.ToString());
        var results = _build.Path("artifacts", "test-results");
        Assert.Equal(
            ["App.Tests.cobertura.xml", "App.Tests.trx", "Build.Tests.cobertura.xml", "Build.Tests.trx", "junit.xml"],
            Directory.GetFileSystemEntries(results).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("<UnitTestResult", File.ReadAllText(Path.Combine(results, "App.Tests.trx")), StringComparison.Ordinal);
        Assert.Contains("package name=\"App\"", File.ReadAllText(Path.Combine(results, "App.Tests.cobertura.xml")), StringComparison.Ordinal);

        var gated = File.ReadAllText(_build.Path("artifacts", "coverage", "Cobertura.xml"));
        Assert.Contains("package name=\"App\"", gated, StringComparison.Ordinal);
        Assert.DoesNotContain("package name=\"Build\"", gated, StringComparison.Ordinal);
        Assert.DoesNotContain("Steps", File.ReadAllText(_build.Path("artifacts", "coverage", "index.html")), StringComparison.Ordinal);
        Assert.Contains("Steps", File.ReadAllText(_build.Path("artifacts", "coverage", "build-suite", "index.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("package name=\"App\"", File.ReadAllText(_build.Path("artifacts", "coverage", "build-suite", "Cobertura.xml")), StringComparison.Ordinal);

        var summary = File.ReadAllText(_build.Path("artifacts", "summary.md"));
        Assert.Contains("| App | 100% | 100% |", summary, StringComparison.Ordinal);
        Assert.Contains("The build's own code (not gated): Build line", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("| Build |", summary, StringComparison.Ordinal);
    }

    private void Library(string folder, string name, string code)
    {
        var directory = Directory.CreateDirectory(_build.Path(folder, name)).FullName;
        File.WriteAllText(Path.Combine(directory, $"{name}.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(directory, "Code.cs"), $"namespace {name};\n\n{code}\n");
    }

    private void Tests(string name, string facts)
    {
        var folder = name == "App" ? "src" : "build";
        var directory = Directory.CreateDirectory(_build.Path("tests", $"{name}.Tests")).FullName;
        File.WriteAllText(Path.Combine(directory, $"{name}.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="xunit" />
                <PackageReference Include="xunit.runner.visualstudio" />
                <PackageReference Include="coverlet.collector" />
                <ProjectReference Include="../../{folder}/{name}/{name}.csproj" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(directory, "Tests.cs"), $"using Xunit;\n\nnamespace {name}.Tests;\n\npublic class Tests\n{{\n    {facts}\n}}\n");
    }

    private static string Solution()
    {
        (string Name, string Path, string Id)[] projects =
        [
            ("App", @"src\App\App.csproj", "{0D5F5D0A-1C1A-4E3B-9B0E-0000000000A1}"),
            ("Build", @"build\Build\Build.csproj", "{0D5F5D0A-1C1A-4E3B-9B0E-0000000000B1}"),
            ("App.Tests", @"tests\App.Tests\App.Tests.csproj", "{0D5F5D0A-1C1A-4E3B-9B0E-0000000000A2}"),
            ("Build.Tests", @"tests\Build.Tests\Build.Tests.csproj", "{0D5F5D0A-1C1A-4E3B-9B0E-0000000000B2}"),
        ];
        var text = new System.Text.StringBuilder("Microsoft Visual Studio Solution File, Format Version 12.00\n");
        foreach (var (name, path, id) in projects)
        {
            text.Append("Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"").Append(name).Append("\", \"").Append(path).Append("\", \"").Append(id).Append("\"\nEndProject\n");
        }

        text.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\t\tRelease|Any CPU = Release|Any CPU\n\tEndGlobalSection\n\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var (_, _, id) in projects)
        {
            foreach (var configuration in new[] { "Debug", "Release" })
            {
                text.Append("\t\t").Append(id).Append('.').Append(configuration).Append("|Any CPU.ActiveCfg = ").Append(configuration).Append("|Any CPU\n");
                text.Append("\t\t").Append(id).Append('.').Append(configuration).Append("|Any CPU.Build.0 = ").Append(configuration).Append("|Any CPU\n");
            }
        }

        return text.Append("\tEndGlobalSection\nEndGlobal\n").ToString();
    }
}

using Build.Tests.Stages.Accessibility;
namespace Build.Tests.EndToEnd;

/// <summary>
/// A one-test xunit project that prints secrets from its environment in every way a test can (Console.WriteLine,
/// ITestOutputHelper, a failing assert's message) and fails, written into a build's temporary repository root with
/// an App.sln, so the Test target really runs dotnet test on it. Package versions come from this repository's
/// Directory.Packages.props: the ones the build's own tests restore.
/// </summary>
public static class LeakyTestProject
{
    public const string TestName = "Leaky.LeakTests.Prints_secrets_from_the_environment_then_fails";

    public static void WriteInto(string root, params string[] secretVariables)
    {
        var reads = string.Join(", ", secretVariables.Select(name => $"System.Environment.GetEnvironmentVariable(\"{name}\")"));
        WriteProject(root, "Leaky", "LeakTests.cs", Tests.Replace("READS", reads, StringComparison.Ordinal));
    }

    /// <summary>Writes App.sln with one project <c>tests/&lt;name&gt;/&lt;name&gt;.csproj</c> (xunit unless <paramref name="project"/> says otherwise) holding <paramref name="source"/> as <paramref name="file"/>.</summary>
    public static void WriteProject(string root, string name, string file, string source, string project = Project)
    {
        File.Copy(Path.Combine(Repository.Root, "Directory.Packages.props"), Path.Combine(root, "Directory.Packages.props"), overwrite: true);
        File.WriteAllText(Path.Combine(root, "App.sln"), Solution.Replace("Leaky", name, StringComparison.Ordinal));
        var folder = Directory.CreateDirectory(Path.Combine(root, "tests", name)).FullName;
        File.WriteAllText(Path.Combine(folder, $"{name}.csproj"), project);
        File.WriteAllText(Path.Combine(folder, file), source);
    }

    private const string Solution = """
        Microsoft Visual Studio Solution File, Format Version 12.00
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Leaky", "tests\Leaky\Leaky.csproj", "{E57222B1-FF88-4B57-8423-A3738F01E1CC}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        		Release|Any CPU = Release|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{E57222B1-FF88-4B57-8423-A3738F01E1CC}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{E57222B1-FF88-4B57-8423-A3738F01E1CC}.Debug|Any CPU.Build.0 = Debug|Any CPU
        		{E57222B1-FF88-4B57-8423-A3738F01E1CC}.Release|Any CPU.ActiveCfg = Release|Any CPU
        		{E57222B1-FF88-4B57-8423-A3738F01E1CC}.Release|Any CPU.Build.0 = Release|Any CPU
        	EndGlobalSection
        EndGlobal

        """;

    private const string Project = """
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
          </ItemGroup>
        </Project>

        """;

    private const string Tests = """
        using Xunit;
        using Xunit.Abstractions;

        namespace Leaky;

        public class LeakTests(ITestOutputHelper output)
        {
            [Fact]
            public void Prints_secrets_from_the_environment_then_fails()
            {
                var secrets = string.Join(" | ", new[] { READS });
                System.Console.WriteLine("console: " + secrets);
                output.WriteLine("output helper: " + secrets);
                Assert.Fail("assert message: " + secrets);
            }
        }

        """;
}

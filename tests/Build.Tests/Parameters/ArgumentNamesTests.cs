using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Tests.Stages.Accessibility;
using Cake.Core;

namespace Build.Tests.Parameters;

public sealed partial class ArgumentNamesTests
{
    // A value each parameter accepts that differs from its default.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        [ArgumentNames.Configuration] = "Debug",
        [ArgumentNames.Environment] = "dev",
        [ArgumentNames.Version] = "1.2.3",
        [ArgumentNames.BuildVersion] = "1.2.3",
        [ArgumentNames.Artifacts] = "out/ci1",
        [ArgumentNames.KeepArtifacts] = "true",
        [ArgumentNames.LockWait] = "9",
        [ArgumentNames.NoInstall] = "true",
        [ArgumentNames.CoverageThreshold] = "50",
        [ArgumentNames.BranchThreshold] = "50",
        [ArgumentNames.Tests] = "unit",
        [ArgumentNames.AccessibilityUrl] = "http://127.0.0.1:9/",
        [ArgumentNames.AccessibilityMaxPages] = "3",
        [ArgumentNames.AccessibilityImpact] = "minor",
        [ArgumentNames.AccessibilityPaths] = "/about",
        [ArgumentNames.BrowserPath] = "/opt/chrome/chrome",
        [ArgumentNames.ImageRepository] = "team/app",
        [ArgumentNames.ImageBuildMode] = "sdk",
        [ArgumentNames.BaseImage] = "registry.example/base:1",
        [ArgumentNames.SdkImage] = "mirror.example/dotnet/sdk:10.0",
        [ArgumentNames.ImageBuilder] = "legacy",
        [ArgumentNames.ImageSizeBudget] = "80",
        [ArgumentNames.Registry] = "localhost:5001",
        [ArgumentNames.EcrRepository] = "orders-dev",
        [ArgumentNames.VulnerabilityThreshold] = "LOW",
        [ArgumentNames.VulnerabilityIgnoreFile] = "ops/ignore.json",
        [ArgumentNames.ScanTimeout] = "90",
        [ArgumentNames.TerraformBackend] = "local",
        [ArgumentNames.LockTimeout] = "30s",
        [ArgumentNames.AllowDestroy] = "true",
        [ArgumentNames.Approve] = "true",
        [ArgumentNames.DeployPort] = "9090",
        [ArgumentNames.HealthTimeout] = "5",
        [ArgumentNames.DeployTimeout] = "60",
    };

    public static TheoryData<string> Names => [.. ArgumentNames.All];

    [Fact]
    public void The_table_lists_every_name_constant_once()
    {
        var constants = typeof(ArgumentNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(constants, ArgumentNames.All.Order(StringComparer.Ordinal));
        Assert.Equal(ArgumentNames.All.Count, ArgumentNames.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(ArgumentNames.All.Order(StringComparer.Ordinal), Samples.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_name_in_the_table_is_read_by_the_parser(string name)
    {
        var defaults = Parse();

        var parsed = Parse((name, Samples[name]));

        Assert.NotEqual(JsonSerializer.Serialize(defaults), JsonSerializer.Serialize(parsed));
    }

    [Fact]
    public void Every_name_in_the_table_is_accepted_at_once()
    {
        var parsed = Parse([.. Samples.Select(sample => (sample.Key, sample.Value))]);

        Assert.Equal("dev", parsed.Environment);
        Assert.Equal(9090, parsed.Deploy.Port);
    }

    [Theory]
    [InlineData("enviroment", "did you mean --environment? ")]
    [InlineData("deploy-prot", "did you mean --deploy-port? ")]
    [InlineData("vuln-treshold", "did you mean --vuln-threshold? ")]
    [InlineData("frobnicate", "")]
    public void A_name_outside_the_table_is_refused_and_the_guess_comes_from_the_table(string name, string hint)
    {
        var error = Assert.Throws<CakeException>(() => Parse((name, "x")));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal($"Unknown parameter --{name}: {hint}./build.sh --help and the README list the parameters.", error.Message);
    }

    [Fact]
    public void The_reader_refuses_to_read_a_name_outside_the_table()
    {
        var reader = new ArgumentReader(new CakeArguments(Array.Empty<string>().ToLookup(name => name)));

        var error = Assert.Throws<InvalidOperationException>(() => reader.Optional("not-in-the-table"));

        Assert.Contains(nameof(ArgumentNames), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_README_parameters_table_lists_exactly_the_names_of_the_table()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("\n## Parameters\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];

        var documented = section.Split('\n')
            .Where(line => line.StartsWith("| `--", StringComparison.Ordinal))
            .SelectMany(line => ParameterName().Matches(line.Split('|')[1]).Select(match => match.Groups["name"].Value))
            .ToList();

        Assert.Equal(ArgumentNames.All, documented);
    }

    private static BuildParameters Parse(params (string Name, string Value)[] pairs) =>
        BuildParameters.Parse(new CakeArguments(pairs.ToLookup(pair => pair.Name, pair => pair.Value, StringComparer.OrdinalIgnoreCase)), new SecretRegistry());

    [GeneratedRegex("`--(?<name>[a-z0-9-]+)`")]
    private static partial Regex ParameterName();
}

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
        [ArgumentNames.Cache] = "off",
        [ArgumentNames.NoCache] = "true",
        [ArgumentNames.Force] = "true",
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
        [ArgumentNames.VulnerabilityScan] = "required",
        [ArgumentNames.VulnerabilityIgnoreFile] = "ops/ignore.json",
        [ArgumentNames.ScanTimeout] = "90",
        [ArgumentNames.TerraformBackend] = "local",
        [ArgumentNames.LockTimeout] = "30s",
        [ArgumentNames.AllowDestroy] = "true",
        [ArgumentNames.Approve] = "true",
        [ArgumentNames.DeployPort] = "9090",
        [ArgumentNames.HealthTimeout] = "5",
        [ArgumentNames.DeployTimeout] = "60",
        [ArgumentNames.Bump] = "minor",
        [ArgumentNames.ReleaseBranch] = "release",
        [ArgumentNames.PushTag] = "false",
        [ArgumentNames.ReleasePreview] = "true",
        [ArgumentNames.From] = "dev",
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
        var outside = ParameterDescriptor.Text("not-in-the-table", "anything", "none", "not a parameter");

        var error = Assert.Throws<InvalidOperationException>(() => reader.Text(outside));

        Assert.Contains(nameof(ParameterTable), error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void The_README_parameters_table_says_what_the_descriptions_say_row_for_row()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("\n## Parameters\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];

        var rows = section.Split('\n').Where(line => line.StartsWith("| `--", StringComparison.Ordinal)).ToList();

        // On a difference the message holds the rows as the descriptions make them: paste them into the README.
        Assert.True(
            rows.SequenceEqual(ParameterTable.All.Select(parameter => parameter.ReadmeRow())),
            "README.md's Parameters table differs from ParameterTable; its rows should be:\n" + string.Join('\n', ParameterTable.All.Select(parameter => parameter.ReadmeRow())));
        Assert.Contains("\n| parameter | default | values | meaning |\n|---|---|---|---|\n", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_description_has_a_default_values_and_one_line_of_meaning()
    {
        foreach (var parameter in ParameterTable.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(parameter.Default), parameter.Name);
            Assert.False(string.IsNullOrWhiteSpace(parameter.Values), parameter.Name);
            Assert.False(string.IsNullOrWhiteSpace(parameter.Meaning), parameter.Name);
            Assert.DoesNotContain('\n', parameter.Meaning);
            Assert.DoesNotContain('|', parameter.Meaning + parameter.Default + parameter.Values + parameter.ReadmeNote);
            Assert.InRange(parameter.Meaning.Length, 10, 160);
        }
    }

    [Fact]
    public void A_choice_or_number_not_given_reads_as_its_described_default()
    {
        var defaults = Parse();

        Assert.Equal(ParameterTable.Environment.DefaultChoice, defaults.Environment);
        Assert.Equal(ParameterTable.Configuration.DefaultChoice, defaults.Configuration);
        Assert.Equal(ParameterTable.LockWait.DefaultNumber, (int)defaults.LockWait.TotalSeconds);
        Assert.Equal(ParameterTable.DeployTimeout.DefaultNumber, (int)defaults.Deploy.Timeout.TotalSeconds);
        Assert.Equal(ParameterTable.ImageSizeBudget.DefaultNumber, defaults.Image.SizeBudgetMegabytes);
    }

    [Theory]
    [InlineData("lock-wait", "86401", "Invalid --lock-wait '86401': use a whole number from 0 to 86400.")]
    [InlineData("deploy-port", "80", "Invalid --deploy-port '80': use a whole number from 1024 to 65535.")]
    [InlineData("vuln-threshold", "severe", "Invalid --vuln-threshold 'severe': use one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL.")]
    [InlineData("environment", "", "--environment needs a value: local, dev, staging or prod")]
    [InlineData("approve", "maybe", "Invalid --approve 'maybe': use true or false.")]
    public void A_value_outside_the_description_is_refused_in_the_descriptions_words(string name, string value, string message)
    {
        var error = Assert.Throws<CakeException>(() => Parse((name, value)));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_version_and_its_alias_are_one_parameter()
    {
        Assert.Equal("1.2.3", Parse(("build-version", "1.2.3")).VersionOverride);
        Assert.Equal("1.2.3", Parse(("version", "1.2.3"), ("build-version", "1.2.3")).VersionOverride);

        var error = Assert.Throws<CakeException>(() => Parse(("version", "1.2.3"), ("build-version", "2.0.0")));
        Assert.Equal("--version is given 2 times with different values ('1.2.3', '2.0.0'): give it once.", error.Message);
    }

    [Theory]
    [InlineData(null, "optional")]
    [InlineData("false", "optional")]
    [InlineData("true", "required")]
    public void The_vulnerability_scan_is_required_on_CI_unless_said_otherwise(string? ci, string expected)
    {
        Assert.Equal(expected, Parse(name => name == "CI" ? ci : null).Vulnerabilities.Scan);
        Assert.Equal("optional", Parse(name => name == "CI" ? ci : null, ("vuln-scan", "optional")).Vulnerabilities.Scan);
        Assert.Equal("required", Parse(name => name == "CI" ? ci : null, ("vuln-scan", "REQUIRED")).Vulnerabilities.Scan);
    }

    // No CI variable: the machine that runs the tests decides no default.
    private static BuildParameters Parse(params (string Name, string Value)[] pairs) => Parse(_ => null, pairs);

    private static BuildParameters Parse(Func<string, string?> environment, params (string Name, string Value)[] pairs) =>
        BuildParameters.Parse(new CakeArguments(pairs.ToLookup(pair => pair.Name, pair => pair.Value, StringComparer.OrdinalIgnoreCase)), new SecretRegistry(), environment);

    [GeneratedRegex("`--(?<name>[a-z0-9-]+)`")]
    private static partial Regex ParameterName();
}

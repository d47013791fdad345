using Build.Tests.Support;
namespace Build.Tests.EndToEnd;

public sealed class UsageErrorTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public UsageErrorTests()
    {
        Directory.CreateDirectory(_build.Artifacts);
        File.WriteAllText(Marker, "left by an earlier build");
    }

    private string Marker => Path.Combine(_build.Artifacts, "marker.txt");

    [Fact]
    public void An_unknown_environment_exits_2_with_one_line_before_Clean_deletes_anything()
    {
        var run = _build.Run("--target", "Clean", "--environment", "moon");

        var line = AssertUsageError(run);
        Assert.Contains("--environment", line, StringComparison.Ordinal);
        Assert.Contains("moon", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_exits_2_with_one_line_listing_the_targets()
    {
        var run = _build.Run("--target", "NoSuchTarget");

        var line = AssertUsageError(run);
        Assert.Contains("NoSuchTarget", line, StringComparison.Ordinal);
        Assert.Contains("Clean", line, StringComparison.Ordinal);
        Assert.Contains("Version", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_target_exits_2_with_a_guess_and_the_targets()
    {
        var run = _build.Run("--target", "Deplyo");

        var line = AssertUsageError(run);
        Assert.StartsWith("Error: unknown target 'Deplyo': did you mean Deploy? Available targets: Accessibility, Apply, ", line, StringComparison.Ordinal);
        Assert.EndsWith(", Version.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_targets_alone_exit_2_with_one_line()
    {
        var run = _build.Run("Clean", "Version");

        Assert.Equal("Error: Two targets given ('Clean' and 'Version'): give one (build <target> or --target <target>).", AssertUsageError(run));
    }

    [Fact]
    public void A_target_alone_and_another_given_with_target_exit_2_with_one_line()
    {
        var run = _build.Run("Clean", "--target", "Version");

        Assert.Equal("Error: Two targets given ('Clean' and --target 'Version'): give one (build <target> or --target <target>).", AssertUsageError(run));
    }

    [Theory]
    [InlineData("--target")]
    [InlineData("--target", "--dryrun")]
    [InlineData("--environment", "dev", "--target")]
    public void A_target_switch_without_its_value_says_so(params string[] args)
    {
        var run = _build.Run(args);

        Assert.Equal("Error: --target needs a value (a target name)", AssertUsageError(run));
    }

    [Theory]
    [InlineData("Error: --environment needs a value: local, dev, staging or prod", "Clean", "--environment")]
    [InlineData("Error: --environment needs a value: local, dev, staging or prod", "--environment", "--target", "Clean")]
    [InlineData("Error: --environment needs a value: local, dev, staging or prod", "--environment=", "Clean")]
    [InlineData("Error: --deploy-port needs a value: 1024 to 65535", "Clean", "--deploy-port")]
    [InlineData("Error: --vuln-scan needs a value: required or optional", "Clean", "--vuln-scan")]
    public void A_parameter_without_its_value_says_what_it_needs(string expected, params string[] args)
    {
        var run = _build.Run(args);

        Assert.Equal(expected, AssertUsageError(run));
    }

    [Fact]
    public void A_parameter_given_twice_with_different_values_exits_2_naming_both()
    {
        var run = _build.Run("--target", "Clean", "--environment", "dev", "--environment", "prod");

        Assert.Equal("Error: --environment is given 2 times with different values ('dev', 'prod'): give it once.", AssertUsageError(run));
    }

    [Fact]
    public void A_target_given_twice_exits_2()
    {
        var run = _build.Run("--target", "Clean", "--target", "Version");

        Assert.Equal("Error: --target is given twice ('Clean' and 'Version'): give it once.", AssertUsageError(run));
    }

    [Fact]
    public void A_huge_bad_value_gives_one_bounded_line()
    {
        var run = _build.Run("--target", "Clean", "--configuration", new string('x', 100_000));

        var line = AssertUsageError(run);
        Assert.StartsWith("Error: Invalid --configuration 'xxx", line, StringComparison.Ordinal);
        Assert.InRange(line.Length, 100, 2100);
        Assert.EndsWith("characters)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coverage_threshold_above_100_exits_2_with_one_line()
    {
        var run = _build.Run("--target", "Clean", "--coverage-threshold", "150");

        var line = AssertUsageError(run);
        Assert.Contains("--coverage-threshold", line, StringComparison.Ordinal);
        Assert.Contains("150", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_verbosity_exits_2_with_one_line()
    {
        var run = _build.Run("--target", "Clean", "--verbosity", "loud");

        var line = AssertUsageError(run);
        Assert.Contains("--verbosity", line, StringComparison.Ordinal);
        Assert.Contains("loud", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_test_selection_exits_2_with_one_line_naming_the_choices()
    {
        var run = _build.Run("--target", "Clean", "--tests", "integration");

        Assert.Equal("Error: Invalid --tests 'integration': use one of all, unit.", AssertUsageError(run));
    }

    [Fact]
    public void A_misspelt_parameter_exits_2_with_one_line_suggesting_the_right_one()
    {
        var run = _build.Run("--target", "Clean", "--enviroment", "prod");

        var line = AssertUsageError(run);
        Assert.Equal("Error: Unknown parameter --enviroment: did you mean --environment? ./build.sh --help and the README list the parameters.", line);
    }

    [Fact]
    public void A_parameter_nothing_resembles_exits_2_without_a_guess()
    {
        var run = _build.Run("--target", "Clean", "--frobnicate");

        Assert.Equal("Error: Unknown parameter --frobnicate: ./build.sh --help and the README list the parameters.", AssertUsageError(run));
    }

    public void Dispose() => _build.Dispose();

    private string AssertUsageError(BuildProcessRun run)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.True(File.Exists(Marker), "artifacts/ was touched although the command line was rejected.\n" + run);
        Assert.False(File.Exists(Path.Combine(_build.Artifacts, "build-report.json")), "a report was written although nothing ran.");
        return line;
    }
}

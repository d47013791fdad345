using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting.Internal;

namespace Build.Tests.Host;

public sealed class CommandLineParserTests
{
    [Fact]
    public void Defaults_are_target_Default_normal_verbosity_and_a_build_run()
    {
        var options = CommandLineParser.Parse([]);

        Assert.Equal("Default", options.Target);
        Assert.Equal(Verbosity.Normal, options.Verbosity);
        Assert.Equal(HostMode.Run, options.Mode);
        Assert.False(options.Exclusive);
    }

    [Theory]
    [InlineData(new[] { "--target", "Push" }, "Push")]
    [InlineData(new[] { "--target=Push" }, "Push")]
    [InlineData(new[] { "-t", "Push" }, "Push")]
    [InlineData(new[] { "--TARGET", "Push" }, "Push")]
    public void The_target_is_read_in_every_spelling(string[] args, string expected) =>
        Assert.Equal(expected, CommandLineParser.Parse(args).Target);

    [Theory]
    [InlineData("--tree", "Tree")]
    [InlineData("--description", "Description")]
    [InlineData("--dryrun", "DryRun")]
    [InlineData("--whatif", "DryRun")]
    [InlineData("--help", "Help")]
    [InlineData("-h", "Help")]
    [InlineData("--version", "Version")]
    public void Switches_select_the_mode(string option, string mode) =>
        Assert.Equal(Enum.Parse<HostMode>(mode), CommandLineParser.Parse([option]).Mode);

    [Theory]
    [InlineData("q", Verbosity.Quiet)]
    [InlineData("minimal", Verbosity.Minimal)]
    [InlineData("Diagnostic", Verbosity.Diagnostic)]
    public void Verbosity_accepts_names_and_letters(string value, Verbosity expected) =>
        Assert.Equal(expected, CommandLineParser.Parse(["--verbosity", value]).Verbosity);

    [Fact]
    public void A_version_with_a_value_is_an_argument_not_the_version_switch()
    {
        var options = CommandLineParser.Parse(["--version", "2.1.0", "--target", "Version"]);

        Assert.Equal(HostMode.Run, options.Mode);
        Assert.Equal(["2.1.0"], options.Arguments["version"]);
    }

    [Fact]
    public void A_bare_flag_is_true_and_is_not_confused_with_the_next_option()
    {
        var options = CommandLineParser.Parse(["--approve", "--environment", "prod"]);

        Assert.Equal(["true"], options.Arguments["approve"]);
        Assert.Equal(["prod"], options.Arguments["environment"]);
    }

    [Fact]
    public void A_negative_number_is_a_value()
    {
        var options = CommandLineParser.Parse(["--offset", "-5"]);

        Assert.Equal(["-5"], options.Arguments["offset"]);
    }

    [Theory]
    [InlineData("Push")]
    [InlineData("-")]
    [InlineData("--")]
    public void A_stray_word_is_a_usage_error(string token)
    {
        var error = Assert.Throws<CakeException>(() => CommandLineParser.Parse([token]));

        Assert.Equal(2, error.ExitCode);
    }
}

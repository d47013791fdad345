using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;
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
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("5")]
    [InlineData("a/b")]
    public void A_stray_word_that_is_no_target_name_is_a_usage_error(string token)
    {
        var error = Assert.Throws<CakeException>(() => CommandLineParser.Parse([token]));

        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "Test" }, "Test")]
    [InlineData(new[] { "Test", "--exclusive" }, "Test")]
    [InlineData(new[] { "--environment", "dev", "Test" }, "Test")]
    [InlineData(new[] { "Test", "--target", "test" }, "test")]
    [InlineData(new[] { "--target=Test", "Test" }, "Test")]
    public void One_word_alone_is_the_target(string[] args, string target)
    {
        var options = CommandLineParser.Parse(args, Described);

        Assert.Equal(target, options.Target);
        Assert.Equal(HostMode.Run, options.Mode);
    }

    [Theory]
    [InlineData(new[] { "Test", "Push" }, "Two targets given ('Test' and 'Push'): give one (build <target> or --target <target>).")]
    [InlineData(new[] { "Test", "--target", "Push" }, "Two targets given ('Test' and --target 'Push'): give one (build <target> or --target <target>).")]
    [InlineData(new[] { "--target", "Push", "Test" }, "Two targets given ('Test' and --target 'Push'): give one (build <target> or --target <target>).")]
    public void Two_targets_are_a_usage_error_in_one_line(string[] args, string message)
    {
        var error = Assert.Throws<CakeException>(() => CommandLineParser.Parse(args, Described));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(new[] { "--target" }, "--target needs a value (a target name)")]
    [InlineData(new[] { "--target", "--dryrun" }, "--target needs a value (a target name)")]
    [InlineData(new[] { "-t" }, "--target needs a value (a target name)")]
    [InlineData(new[] { "--target=" }, "--target needs a value (a target name)")]
    [InlineData(new[] { "--verbosity" }, "--verbosity needs a value: quiet, minimal, normal, verbose or diagnostic")]
    [InlineData(new[] { "--working", "--tree" }, "--working needs a value (a directory)")]
    [InlineData(new[] { "--environment" }, "--environment needs a value: local, dev, staging or prod")]
    [InlineData(new[] { "--environment", "--approve" }, "--environment needs a value: local, dev, staging or prod")]
    [InlineData(new[] { "--environment=", "Test" }, "--environment needs a value: local, dev, staging or prod")]
    public void A_switch_that_needs_a_value_and_has_none_says_what_it_needs(string[] args, string message)
    {
        var error = Assert.Throws<CakeException>(() => CommandLineParser.Parse(args, Described));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_described_switch_takes_no_value_so_the_word_after_it_is_the_target()
    {
        var options = CommandLineParser.Parse(["--approve", "Deploy", "--allow-destroy", "false"], Described);

        Assert.Equal("Deploy", options.Target);
        Assert.Equal(["true"], options.Arguments["approve"]);
        Assert.Equal(["false"], options.Arguments["allow-destroy"]);
    }

    [Fact]
    public void An_argument_nobody_described_reads_as_Cake_reads_it()
    {
        var options = CommandLineParser.Parse(["--frobnicate", "Deploy", "--verbose-thing"], Described);

        Assert.Equal("Default", options.Target);
        Assert.Equal(["Deploy"], options.Arguments["frobnicate"]);
        Assert.Equal(["true"], options.Arguments["verbose-thing"]);
    }

    [Fact]
    public void A_described_argument_is_read_under_its_alias_too()
    {
        var error = Assert.Throws<CakeException>(() => CommandLineParser.Parse(["--build-version"], Described));

        Assert.Equal("--version needs a value: a SemVer", error.Message);
    }

    private static readonly ArgumentDescription[] Described =
    [
        new("environment", "local, dev, staging or prod", "local", "where it goes"),
        new("approve", null, "off", "approval"),
        new("allow-destroy", null, "off", "permission"),
        new("version", "a SemVer", "from git", "the version") { Aliases = ["build-version"] },
    ];
}

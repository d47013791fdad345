using System.Diagnostics;
using App.Maintenance;

namespace App.Tests;

public sealed class MaintenanceCommandTests
{
    private const string ConnectionString = "Server=db.internal;User Id=app;Password=n0t-in-any-log";

    [Theory]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "backup" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "migrate", "--urls", "x" }, false)]
    [InlineData(new[] { "healthcheck" }, false)]
    public void Given_arguments_When_asked_Then_only_the_single_word_migrate_or_backup_selects_a_command(string[] args, bool expected)
    {
        Assert.Equal(expected, MaintenanceCommand.IsRequested(args));
    }

    [Theory]
    [InlineData("migrate", "migrate: the sample app has no database schema; 0 migrations pending, nothing applied")]
    [InlineData("backup", "backup: the sample app has no database; nothing to snapshot")]
    public async Task Given_a_command_When_run_Then_it_says_what_it_did_exits_0_and_never_prints_the_connection_string(string command, string expected)
    {
        using var output = new StringWriter();

        var exit = await MaintenanceCommand.RunAsync([command], ConnectionString, output);

        Assert.Equal(0, exit);
        Assert.StartsWith(expected, output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"ConnectionStrings__Default is set ({ConnectionString.Length} characters, value not shown)", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("n0t-in-any-log", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_connection_string_When_migrating_Then_it_says_so_and_still_exits_0()
    {
        using var output = new StringWriter();

        var exit = await MaintenanceCommand.RunAsync([MaintenanceCommand.Migrate], null, output);

        Assert.Equal(0, exit);
        Assert.Contains("ConnectionStrings__Default is not set", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_built_app_When_started_with_migrate_Then_it_exits_0_without_starting_the_web_host()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "App.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("migrate");
        start.Environment[MaintenanceCommand.ConnectionStringVariable] = ConnectionString;
        start.Environment["ASPNETCORE_HTTP_PORTS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.StartsWith("migrate: the sample app has no database schema", await stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("n0t-in-any-log", (await stdout) + (await stderr), StringComparison.Ordinal);
    }
}

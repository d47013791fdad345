using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Build.Core.Checkout;
using Build.Tests.Support;

namespace Build.Tests.Core.Checkout;

/// <summary>
/// One run per checkout, through the real build app: this test process plays the other run, holding .build/run.lock
/// with an OS lock (FileShare.None, as a build does) and naming itself in .build/run.lock.json.
/// </summary>
public sealed class RunLockTests : IDisposable
{
    private const int Locked = 3;
    private const string Since = "2030-01-02T03:04:05+00:00";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    private readonly BuildProcess _build = new();
    private FileStream? _held;

    public RunLockTests()
    {
        Directory.CreateDirectory(_build.Artifacts);
        File.WriteAllText(Marker, "left by the run that holds the lock");
    }

    private string Marker => _build.Path("artifacts", "marker.txt");

    private string HolderFile => _build.Path(".build", "run.lock.json");

    public void Dispose()
    {
        _held?.Dispose();
        _build.Dispose();
    }

    [Fact]
    public void A_second_run_refuses_at_once_in_one_line_naming_the_holder_and_touches_nothing()
    {
        Hold();

        var run = _build.Run("--target", "Version", "--lock-wait", "0");

        Assert.True(run.ExitCode == Locked, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: Another build is running in this checkout (", line, StringComparison.Ordinal);
        Assert.Contains($"PID {Environment.ProcessId}, target Plan, since 2030-01-02 03:04:05Z on {Environment.MachineName}", line, StringComparison.Ordinal);
        Assert.Contains("--lock-wait", line, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting", run.Output, StringComparison.Ordinal);
        AssertUntouched(run);
    }

    [Fact]
    public void The_OS_lock_alone_refuses_a_second_run_even_when_no_holder_is_recorded()
    {
        // The build's own lock, taken in this process; without its record only the OS lock stands in the way.
        using var holder = new RunLock();
        holder.Take(new Cake.Core.IO.DirectoryPath(_build.Path(".build")), "Plan", TimeSpan.Zero, _ => { });
        File.Delete(HolderFile);

        var run = _build.Run("--target", "Version", "--lock-wait", "0");

        Assert.True(run.ExitCode == Locked, run.ToString());
        Assert.StartsWith("Error: Another build is running in this checkout (who is not recorded);", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertUntouched(run);
    }

    [Fact]
    public void A_second_run_waits_up_to_lock_wait_then_refuses()
    {
        Hold();

        var run = _build.Run("--target", "Version", "--lock-wait", "1");

        Assert.True(run.ExitCode == Locked, run.ToString());
        Assert.Contains($"Another build is running in this checkout (PID {Environment.ProcessId}, target Plan", run.Output, StringComparison.Ordinal);
        Assert.Contains("waiting up to 1 s for it (--lock-wait).", run.Output, StringComparison.Ordinal);
        Assert.Single(run.ErrorLines);
        AssertUntouched(run);
    }

    [Fact]
    public void A_waiting_run_goes_ahead_once_the_holder_ends()
    {
        Hold();
        using var waiting = _build.Start(ownProcessGroup: false, "--target", "Version", "--lock-wait", "600");
        waiting.WaitForOutput("waiting up to 600 s", Generous);
        Assert.True(File.Exists(Marker), "the waiting run touched artifacts/ before it had the lock");

        Release();
        var run = waiting.WaitForExit(Generous);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("Took over", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_build.Artifacts, "version.json")), run.ToString());
    }

    [Fact]
    public void A_lock_left_by_a_dead_process_is_taken_over_with_a_notice()
    {
        var dead = DeadProcessId();
        WriteHolder(dead, processStarted: null);

        var run = _build.Run("--target", "Version", "--lock-wait", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        var notice = Assert.Single(run.OutputLines, line => line.Contains("Took over", StringComparison.Ordinal));
        Assert.Equal($"Took over the run lock of this checkout from PID {dead}, target Plan, since 2030-01-02 03:04:05Z on {Environment.MachineName}: that build ended without releasing it.", notice);
        Assert.False(File.Exists(HolderFile), "the run did not release the lock it took over");
    }

    [Fact]
    public void A_live_holder_is_respected_where_file_locks_are_not_honoured()
    {
        // With .NET's file locking off, FileShare.None locks nothing: the record of a process that still runs must refuse.
        _build.Environment["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1";
        using var self = Process.GetCurrentProcess();
        WriteHolder(Environment.ProcessId, new DateTimeOffset(self.StartTime).ToUniversalTime());

        var run = _build.Run("--target", "Version", "--lock-wait", "0");

        Assert.True(run.ExitCode == Locked, run.ToString());
        Assert.Contains($"PID {Environment.ProcessId}, target Plan", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertUntouched(run);
    }

    [Fact]
    public void The_lock_is_released_when_the_run_fails()
    {
        // The root's App.sln is empty: dotnet clean rejects it, so Clean fails after Setup took the lock.
        var failed = _build.Run("--target", "Clean", "--lock-wait", "0");
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.False(File.Exists(HolderFile), "a failed run left its lock record behind");

        var again = _build.Run("--target", "Version", "--lock-wait", "0");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("Took over", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tree")]
    [InlineData("--dryrun")]
    [InlineData("--description")]
    [InlineData("--help")]
    public void Runs_that_execute_no_task_never_wait_for_the_lock(string mode)
    {
        Hold();

        var run = _build.Run("--target", "Version", mode);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("Another build", run.All, StringComparison.Ordinal);
        Assert.True(File.Exists(Marker));
    }

    [Fact]
    public void A_usage_error_is_reported_as_such_while_another_run_holds_the_lock()
    {
        Hold();

        var run = _build.Run("--target", "Version", "--environment", "moon");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.DoesNotContain("Another build", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("86401")]
    [InlineData("soon")]
    public void A_bad_lock_wait_is_a_usage_error(string value)
    {
        var run = _build.Run("--target", "Version", "--lock-wait", value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"Error: Invalid --lock-wait '{value}': use a whole number from 0 to 86400.", Assert.Single(run.ErrorLines));
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private void Hold()
    {
        Directory.CreateDirectory(_build.Path(".build"));
        _held = new FileStream(_build.Path(".build", "run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var self = Process.GetCurrentProcess();
        WriteHolder(Environment.ProcessId, new DateTimeOffset(self.StartTime).ToUniversalTime());
    }

    // As a run ends: its record first, then the OS lock.
    private void Release()
    {
        File.Delete(HolderFile);
        _held!.Dispose();
        _held = null;
    }

    private void WriteHolder(int pid, DateTimeOffset? processStarted)
    {
        Directory.CreateDirectory(_build.Path(".build"));
        File.WriteAllText(HolderFile, JsonSerializer.Serialize(new
        {
            pid,
            target = "Plan",
            since = Since,
            host = Environment.MachineName,
            processStarted = processStarted?.ToString("O", CultureInfo.InvariantCulture),
        }));
    }

    private void AssertUntouched(BuildProcessRun run)
    {
        Assert.True(File.Exists(Marker), "artifacts/ was touched by a run that did not have the lock.\n" + run);
        Assert.False(File.Exists(Path.Combine(_build.Artifacts, "build-report.json")), "the refused run wrote a report over the holder's.\n" + run);
        Assert.False(Directory.Exists(_build.Path(".build", "previous")), "the refused run moved artifacts aside.\n" + run);
    }
}

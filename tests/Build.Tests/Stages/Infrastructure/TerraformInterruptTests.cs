using System.Globalization;
using System.Text;
using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>
/// A real SIGINT to the real build app while a real <c>terraform plan</c> holds the state lock (the blocking fixture:
/// its plan reads a remote state from a test server that answers only once terraform said it received the interrupt).
/// Whether the signal reaches only the build (<c>kill -INT pid</c>, so the build must forward it) or the whole process
/// group (a terminal's Ctrl-C, <c>timeout</c>: terraform must not get a second one), terraform stops on its own and
/// releases the lock, and the build exits 130 with one Error line, an "interrupted" report and no plan left behind.
/// </summary>
[Integration("terraform")]
public sealed class TerraformInterruptTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    private const string EmptyState = """{"version":4,"terraform_version":"1.11.4","serial":1,"lineage":"test","outputs":{},"resources":[]}""";

    private readonly BuildProcess _build = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LoopbackHttpServer _server;

    public TerraformInterruptTests()
    {
        _server = new LoopbackHttpServer(async context =>
        {
            _requested.TrySetResult();
            await _release.Task;
            var body = Encoding.UTF8.GetBytes(EmptyState);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });
        var terraform = Directory.CreateDirectory(_build.Path("terraform", "environments")).Parent!.FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "blocking", "main.tf"), Path.Combine(terraform, "main.tf"));
        File.WriteAllText(Path.Combine(terraform, "environments", "dev.tfvars"), $"state_url = \"{new Uri(_server.BaseUrl, "state")}\"\n");
    }

    public void Dispose()
    {
        _release.TrySetResult();
        _server.Dispose();
        _build.Dispose();
    }

    [Fact]
    public void A_signal_to_the_build_alone_is_forwarded_to_terraform_which_stops_and_releases_the_lock()
    {
        var run = InterruptPlan(wholeGroup: false);

        Assert.Contains("Sent SIGINT to terraform", run.Error, StringComparison.Ordinal);
        AssertStoppedCleanly(run);
    }

    [Fact]
    public void A_signal_to_the_process_group_reaches_terraform_once_and_the_build_sends_no_second_one()
    {
        var run = InterruptPlan(wholeGroup: true);

        Assert.DoesNotContain("Sent SIGINT to terraform", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Two interrupts received", run.Output, StringComparison.Ordinal);
        Assert.Contains("Waiting for terraform", run.Error, StringComparison.Ordinal);
        AssertStoppedCleanly(run);
    }

    [Fact]
    public void A_second_interrupt_aborts_at_once_with_exit_code_130()
    {
        using var build = StartPlanHoldingTheLock(wholeGroup: true);

        build.Interrupt(wholeGroup: true);
        build.WaitForOutput("stopping gracefully", Generous);
        build.Interrupt(wholeGroup: true);
        var run = build.WaitForExit(Generous);

        Assert.True(run.ExitCode == 130, run.ToString());

        // The second signal reaches terraform and the build together: on a busy machine terraform may stop, and the
        // build report it, before the build's own handler runs. Either way: one Error line naming the interrupt, 130.
        var error = Assert.Single(run.ErrorLines, line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.True(
            error.StartsWith("Error: Interrupted (SIGINT) twice: aborted at once", StringComparison.Ordinal)
            || error.StartsWith("Error: Interrupted (SIGINT) during Plan (terraform plan (dev)): terraform stopped", StringComparison.Ordinal),
            run.ToString());
    }

    private BuildProcessRun InterruptPlan(bool wholeGroup)
    {
        using var build = StartPlanHoldingTheLock(wholeGroup);

        build.Interrupt(wholeGroup);
        build.WaitForOutput("Interrupt received.", Generous);

        // Terraform keeps planning (and holding the lock) until the build has decided whether to forward the signal.
        build.WaitForOutput(wholeGroup ? "Waiting for terraform" : "Sent SIGINT to terraform", Generous);
        _release.SetResult();
        return build.WaitForExit(Generous);
    }

    private RunningBuild StartPlanHoldingTheLock(bool wholeGroup)
    {
        var build = _build.Start(wholeGroup, "--target", "Plan", "--environment", "dev", "--terraform-backend", "local");

        // Terraform is planning and holds the state lock once it asks the server for the remote state.
        Assert.True(_requested.Task.Wait(Generous), "terraform never read the remote state.\n" + build.Output);
        Assert.True(File.Exists(LockFile), "terraform holds no state lock while planning: " + LockFile);
        return build;
    }

    private string LockFile => _build.Path(".build", "terraform", "state", ".dev.tfstate.lock.info");

    private void AssertStoppedCleanly(BuildProcessRun run)
    {
        Assert.True(run.ExitCode == 130, run.ToString());
        var error = Assert.Single(run.ErrorLines, line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.StartsWith("Error: Interrupted (SIGINT) during Plan (terraform plan (dev)): terraform stopped", error, StringComparison.Ordinal);
        Assert.EndsWith("and released the state lock; nothing was applied, and no plan was kept.", error, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "build-report.json")));
        Assert.Equal("interrupted", report.RootElement.GetProperty("result").GetString());
        var plan = report.RootElement.GetProperty("tasks").EnumerateArray().Single(task => task.GetProperty("name").GetString() == "Plan");
        Assert.Equal("Interrupted", plan.GetProperty("status").GetString());
        Assert.Contains("INTERRUPTED", File.ReadAllText(_build.Path("artifacts", "summary.md")), StringComparison.Ordinal);

        foreach (var output in new[] { "tfplan", "plan.json", "plan-summary.json" })
        {
            Assert.False(File.Exists(_build.Path("artifacts", "terraform", "dev", output)), output + " was left behind");
        }

        Assert.False(File.Exists(LockFile), "the state lock was left: " + LockFile);
        Assert.Empty(ProcessesWorkingUnder(_build.Root));
    }

    // Terraform and its plugins run in the working copy under the temporary root: none may outlive the build.
    private static List<string> ProcessesWorkingUnder(string root)
    {
        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                var cwd = new DirectoryInfo(Path.Combine(directory, "cwd")).LinkTarget;
                if (cwd is not null && cwd.StartsWith(root, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(directory)} {File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ')}");
                }
            }
            catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
            {
                // The process exited while being read.
            }
        }

        return found;
    }
}

using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>
/// The real Plan and Apply targets, run by the build app on a repository whose terraform/ is the provider-free
/// fixture root, so the whole stage runs offline: init, plan, show, apply, output. Apply uses the emulator backend
/// (local state, AWS_ENDPOINT_URL, which this root never calls); the local backend plans in offline mode, never applied.
/// </summary>
public sealed class TerraformStageEndToEndTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public TerraformStageEndToEndTests()
    {
        var terraform = Directory.CreateDirectory(_build.Path("terraform", "environments")).Parent!.FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "data-only", "main.tf"), Path.Combine(terraform, "main.tf"));
        foreach (var environment in new[] { "dev", "prod" })
        {
            File.WriteAllText(Path.Combine(terraform, "environments", $"{environment}.tfvars"), $"revision = \"{environment}-1\"\n");
        }
    }

    public void Dispose() => _build.Dispose();

    private static readonly string[] PlanOutputs = ["tfplan", "plan.json", "plan-summary.json"];

    private const string UnusedEndpoint = "http://127.0.0.1:9/";

    private string WorkingCopy(string name) => _build.Path(".build", "terraform", name);

    [Fact]
    [Integration("terraform")]
    public void Apply_applies_this_runs_plan_and_reads_the_outputs()
    {
        _build.Environment["AWS_ENDPOINT_URL"] = UnusedEndpoint;
        var run = _build.Run("--target", "Apply", "--environment", "dev", "--terraform-backend", "emulator");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Plan for dev: 2 to create, 0 to update, 0 to replace, 0 to destroy.", run.Output, StringComparison.Ordinal);
        using var outputs = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "terraform", "dev", "outputs.json")));
        Assert.Equal("dev-1", outputs.RootElement.GetProperty("revision").GetProperty("value").GetString());
        Assert.True(File.Exists(_build.Path("artifacts", "terraform", "dev", "plan-summary.json")));

        var again = _build.Run("--target", "Apply", "--environment", "dev", "--terraform-backend", "emulator");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("The plan for dev has no changes; nothing to apply.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_without_a_plan_from_this_run_refuses_and_never_plans_silently()
    {
        _build.Environment["AWS_ENDPOINT_URL"] = UnusedEndpoint;
        var run = _build.Run("--target", "Apply", "--exclusive", "--environment", "dev", "--terraform-backend", "emulator");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no plan from this run to apply", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_build.Path("artifacts", "terraform", "dev", "tfplan")));
    }

    [Fact]
    [Integration("terraform")]
    public void Prod_needs_approval_and_applies_nothing_without_it()
    {
        _build.Environment["AWS_ENDPOINT_URL"] = UnusedEndpoint;
        var run = _build.Run("--target", "Apply", "--environment", "prod", "--terraform-backend", "emulator");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Applying to prod needs approval", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_build.Path("artifacts", "terraform", "prod", "outputs.json")));

        var approved = _build.Run("--target", "Apply", "--environment", "prod", "--terraform-backend", "emulator", "--approve");

        Assert.True(approved.ExitCode == 0, approved.ToString());
    }

    [Fact]
    public void Plan_is_skipped_with_its_reason_for_the_local_environment()
    {
        var run = _build.Run("--target", "Apply", "--environment", "local");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The local environment has no cloud infrastructure", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_lock_timeout_is_a_usage_error()
    {
        var run = _build.Run("--target", "Plan", "--environment", "dev", "--lock-timeout", "soon");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--lock-timeout", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_with_the_offline_local_backend_is_a_usage_error_before_anything_runs()
    {
        var run = _build.Run("--target", "Apply", "--environment", "dev", "--terraform-backend", "local");

        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: --terraform-backend local plans in offline mode", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_build.Path(".build", "terraform")), "terraform ran before the usage error");
        Assert.False(File.Exists(_build.Path("artifacts", "build-report.json")));
    }

    [Fact]
    public void The_emulator_backend_without_an_endpoint_is_a_usage_error()
    {
        var run = _build.Run("--target", "Plan", "--environment", "dev", "--terraform-backend", "emulator");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("AWS_ENDPOINT_URL", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    [Integration("terraform")]
    public void Switching_backend_in_one_checkout_uses_a_working_copy_each_and_Clean_resets_them_but_keeps_state()
    {
        _build.Environment["TF_PROVIDER_MIRROR"] = "/nonexistent/mirror-of-the-local-copy";
        var offline = _build.Run("--target", "Plan", "--environment", "dev", "--terraform-backend", "local");
        Assert.True(offline.ExitCode == 0, offline.ToString());

        _build.Environment["TF_PROVIDER_MIRROR"] = "";
        _build.Environment["AWS_ENDPOINT_URL"] = UnusedEndpoint;
        var emulator = _build.Run("--target", "Apply", "--environment", "dev", "--terraform-backend", "emulator");
        Assert.True(emulator.ExitCode == 0, emulator.ToString());

        // Each working copy has its own data dir and CLI config: the run without a mirror rewrote only its own.
        Assert.True(Directory.Exists(Path.Combine(WorkingCopy("dev-local"), "data")));
        Assert.True(Directory.Exists(Path.Combine(WorkingCopy("dev-emulator"), "data")));
        Assert.Contains("/nonexistent/mirror-of-the-local-copy", File.ReadAllText(Path.Combine(WorkingCopy("dev-local"), "cli.tfrc")), StringComparison.Ordinal);
        Assert.DoesNotContain("filesystem_mirror", File.ReadAllText(Path.Combine(WorkingCopy("dev-emulator"), "cli.tfrc")), StringComparison.Ordinal);

        var offlineAgain = _build.Run("--target", "Plan", "--environment", "dev", "--terraform-backend", "local");
        Assert.True(offlineAgain.ExitCode == 0, offlineAgain.ToString());
        Assert.DoesNotContain("Backend configuration changed", offlineAgain.All, StringComparison.Ordinal);

        var state = _build.Path(".build", "terraform", "state", "dev-emulator.tfstate");
        var applied = File.ReadAllText(state);
        _build.Run("--target", "Clean");

        Assert.False(Directory.Exists(WorkingCopy("dev-local")), "Clean left the local working copy");
        Assert.False(Directory.Exists(WorkingCopy("dev-emulator")), "Clean left the emulator working copy");
        Assert.Equal(applied, File.ReadAllText(state));
    }

    [Fact]
    [Integration("terraform")]
    public void A_broken_tfvars_is_named_once_as_the_users_file_and_the_previous_plans_outputs_are_removed()
    {
        var planned = _build.Run("--target", "Plan", "--environment", "dev", "--terraform-backend", "local");
        Assert.True(planned.ExitCode == 0, planned.ToString());
        var outputs = PlanOutputs.Select(name => _build.Path("artifacts", "terraform", "dev", name)).ToList();
        Assert.All(outputs, file => Assert.True(File.Exists(file), file));

        // Line 3 uses a variable the root does not declare with a value of the wrong type, for every environment.
        File.AppendAllText(_build.Path("terraform", "environments", "dev.tfvars"), "\nhold_seconds = \"soon\"\n");
        var runner = Path.Combine(_build.Root, "runner");
        Directory.CreateDirectory(runner);
        _build.Environment["GITHUB_ACTIONS"] = "true";
        _build.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(runner, "summary.md");
        var failed = _build.Run("--target", "Plan", "--environment", "dev", "--terraform-backend", "local", "--keep-artifacts");

        Assert.Equal(1, failed.ExitCode);
        var error = Assert.Single(failed.ErrorLines, line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.StartsWith("Error: terraform plan (dev) failed (exit 1): terraform/environments/dev.tfvars:3: Invalid value for input variable: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".build/terraform", error, StringComparison.Ordinal);
        Assert.Contains("::error file=terraform/environments/dev.tfvars,line=3::Invalid value for input variable", failed.Output, StringComparison.Ordinal);
        Assert.All(outputs, file => Assert.False(File.Exists(file), file + " of the previous plan was left"));
    }

    [Fact]
    [Integration("terraform")]
    public void An_apply_whose_terraform_is_stopped_from_outside_ends_with_the_cause_not_execution_halted()
    {
        File.AppendAllText(_build.Path("terraform", "environments", "dev.tfvars"), "hold_seconds = 120\n");
        _build.Environment["AWS_ENDPOINT_URL"] = UnusedEndpoint;
        using var build = _build.Start(false, "--target", "Apply", "--environment", "dev", "--terraform-backend", "emulator");
        build.WaitForOutput("(local-exec): Executing:", TimeSpan.FromMinutes(3));

        // Someone stops terraform itself (not the build): terraform reports "execution halted" before the real error.
        var terraform = ChildProcess(build.Id, "terraform");
        Assert.True(terraform is not null, "no terraform process under the build.\n" + build);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", terraform.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var run = build.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = Assert.Single(run.ErrorLines, line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.StartsWith(
            "Error: terraform apply (dev) failed (exit 1) after terraform was interrupted by a signal from outside the build: terraform/main.tf:40: local-exec provisioner error: ",
            error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("execution halted", error, StringComparison.Ordinal);
    }

    // The first process started (directly or not) by the build whose executable is named so; null when there is none.
    private static int? ChildProcess(int ancestor, string name)
    {
        var children = new Queue<int>([ancestor]);
        while (children.TryDequeue(out var parent))
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    continue;
                }

                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) != parent)
                    {
                        continue;
                    }

                    if (stat.Contains($"({name})", StringComparison.Ordinal))
                    {
                        return id;
                    }

                    children.Enqueue(id);
                }
                catch (IOException)
                {
                    // The process exited while being read.
                }
            }
        }

        return null;
    }
}

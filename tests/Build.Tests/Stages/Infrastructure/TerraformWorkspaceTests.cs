using Build.Parameters;
using Build.Stages.Infrastructure;
using Cake.Core;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>Working copies per environment and backend, what Clean resets, and the offline plan Apply refuses.</summary>
public sealed class TerraformWorkspaceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tf-workspace-").FullName;
    private readonly DirectoryPath _source;

    public TerraformWorkspaceTests()
    {
        _source = new DirectoryPath(Path.Combine(_root, "terraform"));
        Directory.CreateDirectory(Path.Combine(_source.FullPath, "environments"));
        File.WriteAllText(Path.Combine(_source.FullPath, "main.tf"), "");
    }

    private DirectoryPath CacheRoot => new(Path.Combine(_root, ".build", "terraform"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private TerraformWorkspace Prepare(TerraformBackend backend) =>
        TerraformWorkspace.Prepare(_source, CacheRoot, new DirectoryPath(Path.Combine(_root, "artifacts", "terraform")), "dev", backend);

    [Fact]
    public void Each_backend_has_its_own_working_copy_data_dir_cli_config_and_local_state()
    {
        var s3 = Prepare(TerraformBackend.S3);
        var local = Prepare(TerraformBackend.Local);
        var emulator = Prepare(TerraformBackend.Emulator);

        Assert.Equal(3, new[] { s3.WorkingDirectory.FullPath, local.WorkingDirectory.FullPath, emulator.WorkingDirectory.FullPath }.Distinct().Count());
        Assert.Equal(3, new[] { s3.DataDirectory.FullPath, local.DataDirectory.FullPath, emulator.DataDirectory.FullPath }.Distinct().Count());
        Assert.Equal(3, new[] { s3.CliConfigFile.FullPath, local.CliConfigFile.FullPath, emulator.CliConfigFile.FullPath }.Distinct().Count());
        Assert.Null(s3.StateFile);
        Assert.EndsWith("state/dev.tfstate", local.StateFile!.FullPath, StringComparison.Ordinal);
        Assert.EndsWith("state/dev-emulator.tfstate", emulator.StateFile!.FullPath, StringComparison.Ordinal);
        Assert.EndsWith("state/.dev.tfstate.lock.info", local.StateLockFile!.FullPath, StringComparison.Ordinal);
        Assert.Equal(local.DataDirectory.FullPath, local.ProcessEnvironment(CacheRoot)["TF_DATA_DIR"]);
        Assert.Equal(local.CliConfigFile.FullPath, local.ProcessEnvironment(CacheRoot)["TF_CLI_CONFIG_FILE"]);
    }

    [Fact]
    public void Resetting_the_working_copies_keeps_local_state_and_the_provider_cache()
    {
        Prepare(TerraformBackend.Local).ProcessEnvironment(CacheRoot);
        Prepare(TerraformBackend.S3);
        var state = Path.Combine(CacheRoot.FullPath, "state", "dev.tfstate");
        File.WriteAllText(state, "{\"serial\": 3}");
        Directory.CreateDirectory(Path.Combine(CacheRoot.FullPath, "dev", "data"));
        File.WriteAllText(Path.Combine(CacheRoot.FullPath, "cli.tfrc"), "");

        var deleted = TerraformWorkspace.ResetWorkingCopies(CacheRoot);

        Assert.Equal(["cli.tfrc", "dev", "dev-local", "dev-s3"], deleted.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["plugin-cache", "state"], Directory.EnumerateFileSystemEntries(CacheRoot.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("{\"serial\": 3}", File.ReadAllText(state));
    }

    [Fact]
    public void Apply_refuses_an_offline_plan_even_when_it_was_made_in_this_run()
    {
        var workspace = Prepare(TerraformBackend.Local);
        File.WriteAllText(workspace.PlanFile.FullPath, "plan");
        var plan = new PlanResult("dev", workspace, TerraformStage.Sha256Of(workspace.PlanFile.FullPath), new PlanSummary([]), Offline: true);

        var refused = Assert.Throws<CakeException>(() => ApplyTask.SavedPlanOfThisRun(plan, "dev"));

        Assert.Contains("offline mode", refused.Message, StringComparison.Ordinal);
        Assert.Equal("dev", ApplyTask.SavedPlanOfThisRun(plan with { Offline = false }, "dev").Environment);
    }
}

using Build.Tools.Terraform;
using Cake.Core.IO;

namespace Build.Tests.Tools.Terraform;

public sealed class TerraformArgumentsTests
{
    [Fact]
    public void Init_with_a_backend_config_is_non_interactive_and_waits_for_the_lock()
    {
        var settings = new TerraformInitSettings { BackendConfigFile = new FilePath("/repo/environments/dev.s3.tfbackend"), LockTimeout = "5m" };

        Assert.Equal(
            "init -input=false -no-color \"-backend-config=/repo/environments/dev.s3.tfbackend\" -lock-timeout=5m",
            TerraformArguments.Init(settings).Render());
    }

    [Fact]
    public void Init_without_a_backend_ignores_the_backend_config()
    {
        var settings = new TerraformInitSettings { Backend = false, BackendConfigFile = new FilePath("/x.tfbackend") };

        Assert.Equal("init -input=false -no-color -backend=false", TerraformArguments.Init(settings).Render());
    }

    [Fact]
    public void Plan_saves_the_plan_with_detailed_exit_codes_var_files_and_variables()
    {
        var settings = new TerraformPlanSettings { OutFile = new FilePath("/a/tfplan"), LockTimeout = "30s" };
        settings.VarFiles.Add(new FilePath("/m/environments/dev.tfvars"));
        settings.Variables["offline_mode"] = "true";

        Assert.Equal(
            "plan -input=false -no-color -detailed-exitcode -lock-timeout=30s \"-out=/a/tfplan\" \"-var-file=/m/environments/dev.tfvars\" -var \"offline_mode=true\"",
            TerraformArguments.Plan(settings).Render());
    }

    [Fact]
    public void A_refresh_only_plan_keeps_the_lock_timeout_and_saves_its_plan()
    {
        var settings = new TerraformPlanSettings { OutFile = new FilePath("/a/drift.tfplan"), LockTimeout = "5m", RefreshOnly = true };
        settings.VarFiles.Add(new FilePath("/m/environments/dev.tfvars"));

        Assert.Equal(
            "plan -input=false -no-color -detailed-exitcode -refresh-only -lock-timeout=5m \"-out=/a/drift.tfplan\" \"-var-file=/m/environments/dev.tfvars\"",
            TerraformArguments.Plan(settings).Render());
    }

    [Fact]
    public void Apply_applies_only_the_saved_plan_file()
    {
        var settings = new TerraformApplySettings { PlanFile = new FilePath("/a/tfplan") };

        Assert.Equal("apply -input=false -no-color -auto-approve \"/a/tfplan\"", TerraformArguments.Apply(settings).Render());
    }

    [Fact]
    public void Show_and_output_ask_for_json() =>
        Assert.Equal(
            ["show -json -no-color \"/a/tfplan\"", "output -json -no-color"],
            [TerraformArguments.ShowJson(new FilePath("/a/tfplan")).Render(), TerraformArguments.OutputJson().Render()]);
}

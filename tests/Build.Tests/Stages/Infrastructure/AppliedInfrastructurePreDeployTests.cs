using Build.Core;
using Build.Stages.Infrastructure;
using Cake.Core;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>Apply's record carries terraform's pre_deploy_tasks output (the shape terraform/outputs.tf writes) to Deploy, and refuses one that cannot run.</summary>
public sealed class AppliedInfrastructurePreDeployTests
{
    private const string ProdOutputs = """
        {
          "cluster_name": {"sensitive": false, "type": "string", "value": "app-prod"},
          "service_name": {"sensitive": false, "type": "string", "value": "app-prod"},
          "container_name": {"sensitive": false, "type": "string", "value": "app"},
          "public_url": {"sensitive": false, "type": "string", "value": "http://app-prod.elb.example"},
          "pre_deploy_tasks": {"sensitive": false, "type": ["object", {}], "value": {
            "tasks": [{"name": "backup", "command": ["backup"]}, {"name": "migration", "command": ["migrate"]}],
            "subnets": ["subnet-0a", "subnet-0b"],
            "securityGroups": ["sg-0tasks"],
            "timeoutSeconds": 1800
          }},
          "app_secrets": {"sensitive": false, "type": ["object", {}], "value": {
            "arnPrefix": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-prod/",
            "arns": {"ConnectionStrings__Default": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-prod/ConnectionStrings__Default-AbCdEf"}
          }}
        }
        """;

    [Fact]
    public void The_pre_deploy_tasks_output_reaches_the_record_in_order_and_survives_its_file()
    {
        var applied = AppliedInfrastructure.From(TerraformOutputs.Parse(ProdOutputs, _ => { }), "prod", "abc", DateTimeOffset.UnixEpoch);

        var preDeploy = applied.PreDeploy!;
        Assert.Equal(["backup", "migration"], preDeploy.Tasks.Select(task => task.Name));
        Assert.Equal(["migrate"], preDeploy.Tasks[1].Command);
        Assert.Equal(["subnet-0a", "subnet-0b"], preDeploy.Subnets);
        Assert.Equal(["sg-0tasks"], preDeploy.SecurityGroups);
        Assert.Equal(TimeSpan.FromMinutes(30), preDeploy.Timeout);
        Assert.Equal("arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-prod/ConnectionStrings__Default-AbCdEf", applied.Secrets!.Arns["ConnectionStrings__Default"]);
        var read = System.Text.Json.JsonSerializer.Deserialize<AppliedInfrastructure>(AppliedInfrastructureFile.Json(applied), JsonDefaults.Indented)!;
        Assert.Equal(AppliedInfrastructureFile.Json(applied), AppliedInfrastructureFile.Json(read));
    }

    [Theory]
    [InlineData("""{"tasks": [], "subnets": ["s"], "securityGroups": ["g"], "timeoutSeconds": 1800}""")]
    [InlineData("null")]
    public void No_task_named_means_no_pre_deploy_step(string value)
    {
        var applied = AppliedInfrastructure.From(TerraformOutputs.Parse(Outputs(value), _ => { }), "dev", "abc", DateTimeOffset.UnixEpoch);

        Assert.Null(applied.PreDeploy);
    }

    [Theory]
    [InlineData("""{"tasks": [{"name": "migration", "command": []}], "subnets": ["s"], "securityGroups": ["g"], "timeoutSeconds": 1800}""", "task 'migration' has an empty command or an empty word in it")]
    [InlineData("""{"tasks": [{"name": "migration", "command": ["migrate"]}], "subnets": [], "securityGroups": ["g"], "timeoutSeconds": 1800}""", "no subnets to run the tasks in")]
    [InlineData("""{"tasks": [{"name": "migration", "command": ["migrate"]}], "subnets": ["s"], "securityGroups": [], "timeoutSeconds": 0}""", "no security group for the tasks; timeoutSeconds 0 is not positive")]
    [InlineData("""["migrate"]""", "is not a list of pre-deploy tasks")]
    public void An_output_that_cannot_run_is_refused_in_one_line_naming_the_problem(string value, string expected)
    {
        var error = Assert.Throws<CakeException>(() => AppliedInfrastructure.From(TerraformOutputs.Parse(Outputs(value), _ => { }), "dev", "abc", DateTimeOffset.UnixEpoch));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("terraform output pre_deploy_tasks ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_app_secret_outside_the_environment_s_prefix_is_refused()
    {
        const string outputs = """{"app_secrets": {"sensitive": false, "value": {"arnPrefix": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-dev/", "arns": {"X": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other/X-AbCdEf"}}}}""";

        var error = Assert.Throws<CakeException>(() => AppliedInfrastructure.From(TerraformOutputs.Parse(outputs, _ => { }), "dev", "abc", DateTimeOffset.UnixEpoch));

        Assert.StartsWith("terraform output app_secrets has no arnPrefix, no arns, or an ARN outside the prefix", error.Message, StringComparison.Ordinal);
    }

    private static string Outputs(string value) => "{\"pre_deploy_tasks\": {\"sensitive\": false, \"value\": " + value + "}}";
}

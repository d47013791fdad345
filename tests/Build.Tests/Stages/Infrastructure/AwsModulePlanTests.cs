using System.Text.Json;
using Build.Stages.Infrastructure;
using Build.Tests.Support;
using Build.Tools.Terraform;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>
/// terraform/ validated and planned offline for every environment with the real binary and the real AWS provider
/// (from the mirror TF_PROVIDER_MIRROR names, or one found where ProviderMirror looks), asserting on the plan JSON.
/// </summary>
[Integration("terraform and the hashicorp/aws provider mirror")]
public sealed class AwsModulePlanTests : IDisposable
{
    private readonly TerraformHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_module_plans_offline_with_the_guarantees_the_pipeline_relies_on(string environment)
    {
        Assert.False(
            ProviderMirror.Locate(Environment.GetEnvironmentVariable) is null,
            $"No hashicorp/aws provider mirror: set {ProviderMirror.Variable} to the folder that holds registry.terraform.io/ (none was found in {string.Join(", ", ProviderMirror.UsualPlaces)}); no registry is reachable.");
        var json = PlanOffline(environment, validateFirst: true);
        using var document = JsonDocument.Parse(json);
        var resources = PlannedResources(document);

        var service = Assert.Single(resources, resource => resource.GetProperty("type").GetString() == "aws_ecs_service");
        var breaker = service.GetProperty("values").GetProperty("deployment_circuit_breaker")[0];
        Assert.True(breaker.GetProperty("enable").GetBoolean());
        Assert.True(breaker.GetProperty("rollback").GetBoolean());

        var repository = Assert.Single(resources, resource => resource.GetProperty("type").GetString() == "aws_ecr_repository");
        Assert.Equal("IMMUTABLE", repository.GetProperty("values").GetProperty("image_tag_mutability").GetString());

        Assert.Empty(ProtectedResources.Threatened(PlanSummary.Parse(json)));
        AssertOnlyTheAlbReachesTasks(document);
    }

    [Theory]
    [InlineData("dev", "ROLLING")]
    [InlineData("staging", "BLUE_GREEN")]
    [InlineData("prod", "CANARY")]
    public void Each_environment_plans_its_deployment_strategy_and_what_traffic_shifting_needs(string environment, string strategy)
    {
        var json = PlanOffline(environment);
        using var document = JsonDocument.Parse(json);
        var resources = PlannedResources(document);
        var outputs = document.RootElement.GetProperty("output_changes");
        var deployment = outputs.GetProperty("deployment_strategy").GetProperty("after");
        Assert.Equal(strategy, deployment.GetProperty("strategy").GetString());
        var alarms = resources.Where(resource => resource.GetProperty("type").GetString() == "aws_cloudwatch_metric_alarm")
            .Select(resource => resource.GetProperty("values").GetProperty("alarm_name").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal([$"app-{environment}-target-5xx", $"app-{environment}-unhealthy-hosts"], alarms);
        Assert.Equal([$"app-{environment}-target-5xx", $"app-{environment}-unhealthy-hosts"], deployment.GetProperty("alarms").GetProperty("alarmNames").EnumerateArray().Select(name => name.GetString()));

        var targetGroups = resources.Count(resource => resource.GetProperty("type").GetString() == "aws_lb_target_group");
        var listeners = resources.Where(resource => resource.GetProperty("type").GetString() == "aws_lb_listener").Select(resource => resource.GetProperty("values").GetProperty("port").GetInt32()).ToList();
        var roles = resources.Where(resource => resource.GetProperty("type").GetString() == "aws_iam_role")
            .Count(resource => resource.GetProperty("values").GetProperty("name").GetString() == $"app-{environment}-ecs-lb");
        if (strategy == "ROLLING")
        {
            Assert.Equal((1, 0), (targetGroups, roles));
            Assert.DoesNotContain(8081, listeners);
            Assert.Equal(JsonValueKind.Null, deployment.GetProperty("loadBalancer").ValueKind);
            Assert.Equal("", outputs.GetProperty("test_url").GetProperty("after").GetString());
        }
        else
        {
            Assert.Equal((2, 1), (targetGroups, roles));
            Assert.Contains(8081, listeners);
            Assert.Equal(2, resources.Count(resource => resource.GetProperty("type").GetString() == "aws_lb_listener_rule"));
            Assert.True(outputs.GetProperty("deployment_strategy").GetProperty("after_unknown").GetProperty("loadBalancer").ValueKind != JsonValueKind.False, "loadBalancer is planned");
        }

        var gates = resources.Where(resource => resource.GetProperty("type").GetString() == "aws_lambda_function").ToList();
        var gateOutput = outputs.GetProperty("test_traffic_gate");
        if (strategy == "ROLLING")
        {
            Assert.Empty(gates);
            Assert.Equal(JsonValueKind.Null, gateOutput.GetProperty("after").ValueKind);
        }
        else
        {
            var gate = Assert.Single(gates).GetProperty("values");
            Assert.Equal(("python3.12", "test_traffic_gate.handler"), (gate.GetProperty("runtime").GetString(), gate.GetProperty("handler").GetString()));
            var variables = gate.GetProperty("environment")[0].GetProperty("variables");
            Assert.Equal($"/app-{environment}/test-traffic-gate/", variables.GetProperty("VERDICT_PREFIX").GetString());
            Assert.Equal("1800", variables.GetProperty("MAX_WAIT_SECONDS").GetString());
            // The hash follows the committed source through the build's deterministic zip.
            var source = File.ReadAllBytes(TerraformHarness.RepositoryPath("terraform", "lambda", "test_traffic_gate.py"));
            Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(LambdaPackages.Zip("test_traffic_gate.py", source))), gate.GetProperty("source_code_hash").GetString());
            Assert.Equal($"/app-{environment}/test-traffic-gate/", gateOutput.GetProperty("after").GetProperty("verdictParameterPrefix").GetString());
        }

        if (strategy == "CANARY")
        {
            Assert.Equal(10, deployment.GetProperty("canaryConfiguration").GetProperty("canaryPercent").GetInt32());
            Assert.Equal(5, deployment.GetProperty("canaryConfiguration").GetProperty("canaryBakeTimeInMinutes").GetInt32());
            Assert.Equal(10, deployment.GetProperty("bakeTimeInMinutes").GetInt32());
        }
    }

    [Theory]
    [InlineData("dev", new[] { "migration" })]
    [InlineData("staging", new[] { "migration" })]
    [InlineData("prod", new[] { "backup", "migration" })]
    public void Each_environment_plans_its_app_secret_without_a_value_referenced_by_ARN_and_its_pre_deploy_tasks(string environment, string[] tasks)
    {
        var json = PlanOffline(environment);
        using var document = JsonDocument.Parse(json);
        var resources = PlannedResources(document);

        var secret = Assert.Single(resources, resource => resource.GetProperty("type").GetString() == "aws_secretsmanager_secret");
        Assert.Equal($"app-{environment}/ConnectionStrings__Default", secret.GetProperty("values").GetProperty("name").GetString());
        // No value anywhere: no secret version resource, no secret_string/secret_binary attribute in the plan (the state holds what the plan does).
        Assert.DoesNotContain(document.RootElement.GetProperty("resource_changes").EnumerateArray(), change => change.GetProperty("type").GetString() == "aws_secretsmanager_secret_version");
        Assert.DoesNotContain("secret_string", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret_binary", json, StringComparison.Ordinal);

        // The ARNs are unknown until apply: the configuration says what refers to them (the mocked `terraform test` below checks the values).
        var configured = document.RootElement.GetProperty("configuration").GetProperty("root_module").GetProperty("resources").EnumerateArray().ToList();
        var taskDefinition = Assert.Single(configured, resource => resource.GetProperty("address").GetString() == "aws_ecs_task_definition.this");
        Assert.Contains("aws_secretsmanager_secret.app", References(taskDefinition, "container_definitions"));
        var policy = Assert.Single(configured, resource => resource.GetProperty("address").GetString() == "aws_iam_role_policy.task_execution_secrets");
        Assert.Equal(["aws_secretsmanager_secret.app"], References(policy, "policy").Where(reference => reference.StartsWith("aws_", StringComparison.Ordinal)).Distinct());
        Assert.Contains("aws_iam_role.task_execution", References(policy, "role"));

        var preDeploy = document.RootElement.GetProperty("output_changes").GetProperty("pre_deploy_tasks").GetProperty("after");
        Assert.Equal(tasks, preDeploy.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("name").GetString()));
        Assert.Equal("migrate", preDeploy.GetProperty("tasks")[tasks.Length - 1].GetProperty("command")[0].GetString());
        Assert.Equal(2, preDeploy.GetProperty("subnets").GetArrayLength());
        Assert.Equal(1, preDeploy.GetProperty("securityGroups").GetArrayLength());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_mocked_apply_proves_the_execution_role_reads_exactly_the_app_secrets_and_the_container_gets_them_by_ARN(string environment)
    {
        var workspace = _harness.Workspace(TerraformHarness.RepositoryPath("terraform"), environment);
        _harness.Init(workspace);

        var test = _harness.Run(
            workspace,
            new TerraformSettings(),
            new ProcessArgumentBuilder().Append("test").Append("-no-color").Append($"-var-file={workspace.VarFile.FullPath}"));

        Assert.True(test.ExitCode == 0, test.Text);
        Assert.Contains("Success! 4 passed, 0 failed.", test.Text, StringComparison.Ordinal);
    }

    /// <summary>Plans the environment offline (fake credentials, no AWS call) and returns `terraform show -json` of the plan.</summary>
    private string PlanOffline(string environment, bool validateFirst = false)
    {
        var workspace = _harness.Workspace(TerraformHarness.RepositoryPath("terraform"), environment);
        _harness.Init(workspace);
        if (validateFirst)
        {
            var validate = _harness.Run(workspace, new TerraformSettings(), TerraformArguments.Validate());
            Assert.True(validate.ExitCode == 0, validate.Text);
        }

        var plan = new TerraformPlanSettings { OutFile = workspace.PlanFile };
        plan.VarFiles.Add(workspace.VarFile);
        plan.Variables["offline_mode"] = "true";
        plan.EnvironmentVariables["AWS_ACCESS_KEY_ID"] = "AKIAFAKEFAKEFAKEFAKE";
        plan.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = "fake-secret-for-offline-plans";
        var planned = _harness.Run(workspace, plan, TerraformArguments.Plan(plan));
        Assert.True(planned.ExitCode == 2, planned.Text);
        return _harness.Run(workspace, new TerraformSettings(), TerraformArguments.ShowJson(workspace.PlanFile)).Text;
    }

    private static List<JsonElement> PlannedResources(JsonDocument plan)
    {
        var found = new List<JsonElement>();
        void Walk(JsonElement module)
        {
            if (module.TryGetProperty("resources", out var resources))
            {
                found.AddRange(resources.EnumerateArray());
            }

            if (module.TryGetProperty("child_modules", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }

        Walk(plan.RootElement.GetProperty("planned_values").GetProperty("root_module"));
        return found;
    }

    // Security group ids are unknown until apply, so the configuration section tells which group a rule refers to.
    private static void AssertOnlyTheAlbReachesTasks(JsonDocument plan)
    {
        var configured = plan.RootElement.GetProperty("configuration").GetProperty("root_module").GetProperty("resources").EnumerateArray().ToList();
        var taskGroup = Assert.Single(configured, resource =>
            resource.GetProperty("type").GetString() == "aws_security_group"
            && resource.GetProperty("name").GetString()!.Contains("task", StringComparison.OrdinalIgnoreCase));
        var taskGroupAddress = taskGroup.GetProperty("address").GetString()!;

        var ingressToTasks = configured.Where(resource =>
            resource.GetProperty("type").GetString() == "aws_vpc_security_group_ingress_rule"
            && References(resource, "security_group_id").Any(reference => reference.StartsWith(taskGroupAddress, StringComparison.Ordinal))).ToList();

        var rule = Assert.Single(ingressToTasks);
        Assert.Contains(References(rule, "referenced_security_group_id"), reference => reference.StartsWith("aws_security_group.alb", StringComparison.Ordinal));
        Assert.False(rule.GetProperty("expressions").TryGetProperty("cidr_ipv4", out _), "An ingress rule into the tasks must not open a CIDR range.");
    }

    private static IEnumerable<string> References(JsonElement resource, string attribute) =>
        resource.GetProperty("expressions").TryGetProperty(attribute, out var expression) && expression.TryGetProperty("references", out var references)
            ? references.EnumerateArray().Select(reference => reference.GetString()!)
            : [];
}

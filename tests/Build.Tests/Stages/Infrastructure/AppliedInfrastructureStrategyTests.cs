using Build.Stages.Infrastructure;
using Build.Tools.Aws.Ecs;
using Cake.Core;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>Apply's record carries terraform's deployment_strategy and test_url outputs to Deploy, and reads back what it wrote.</summary>
public sealed class AppliedInfrastructureStrategyTests
{
    private const string CanaryOutputs = """
        {
          "cluster_name": {"sensitive": false, "type": "string", "value": "app-prod"},
          "service_name": {"sensitive": false, "type": "string", "value": "app-prod"},
          "container_name": {"sensitive": false, "type": "string", "value": "app"},
          "public_url": {"sensitive": false, "type": "string", "value": "http://app-prod.elb.example"},
          "test_url": {"sensitive": false, "type": "string", "value": "http://app-prod.elb.example:8081"},
          "deployment_strategy": {"sensitive": false, "type": ["object", {}], "value": {
            "strategy": "CANARY",
            "bakeTimeInMinutes": 10,
            "canaryConfiguration": {"canaryPercent": 10, "canaryBakeTimeInMinutes": 5},
            "linearConfiguration": null,
            "alarms": {"alarmNames": ["app-prod-target-5xx", "app-prod-unhealthy-hosts"], "enable": true, "rollback": true},
            "loadBalancer": {
              "targetGroupArn": "arn:tg/app-prod", "containerName": "app", "containerPort": 8080,
              "advancedConfiguration": {"alternateTargetGroupArn": "arn:tg/app-prod-alt", "productionListenerRule": "arn:rule/1", "testListenerRule": "arn:rule/2", "roleArn": "arn:role/app-prod-ecs-lb"}
            }
          }}
        }
        """;

    [Fact]
    public void The_strategy_and_test_url_outputs_reach_the_record_and_survive_its_file()
    {
        var applied = AppliedInfrastructure.From(TerraformOutputs.Parse(CanaryOutputs, _ => { }), "prod", "abc", DateTimeOffset.UnixEpoch);

        var strategy = applied.Strategy!;
        Assert.Equal(EcsDeploymentStrategy.Canary, strategy.Strategy);
        Assert.Equal(new EcsCanaryConfiguration(10, 5), strategy.CanaryConfiguration);
        Assert.Equal(["app-prod-target-5xx", "app-prod-unhealthy-hosts"], strategy.Alarms!.AlarmNames);
        Assert.Equal(new EcsAdvancedConfiguration("arn:tg/app-prod-alt", "arn:rule/1", "arn:rule/2", "arn:role/app-prod-ecs-lb"), strategy.LoadBalancer!.AdvancedConfiguration);
        Assert.Equal("http://app-prod.elb.example:8081", applied.TestUrl);
        var read = System.Text.Json.JsonSerializer.Deserialize<AppliedInfrastructure>(AppliedInfrastructureFile.Json(applied), Build.Core.JsonDefaults.Indented)!;
        Assert.Equal(AppliedInfrastructureFile.Json(applied), AppliedInfrastructureFile.Json(read));
    }

    [Fact]
    public void A_record_from_before_strategies_has_none_and_Deploy_leaves_the_service_s_own()
    {
        const string old = """{"environment":"dev","commit":"abc","appliedAt":"2026-01-01T00:00:00+00:00","cluster":"c","service":"s","container":"app","taskFamily":"f","publicUrl":"http://x"}""";

        var read = System.Text.Json.JsonSerializer.Deserialize<AppliedInfrastructure>(old, Build.Core.JsonDefaults.Indented)!;

        Assert.Null(read.Strategy);
        Assert.Null(read.TestUrl);
    }

    [Fact]
    public void A_traffic_shifting_strategy_without_its_load_balancer_is_refused_naming_what_is_missing()
    {
        var outputs = """{"deployment_strategy": {"sensitive": false, "value": {"strategy": "BLUE_GREEN", "loadBalancer": null}}}""";

        var error = Assert.Throws<CakeException>(() => AppliedInfrastructure.From(TerraformOutputs.Parse(outputs, _ => { }), "staging", "abc", DateTimeOffset.UnixEpoch));

        Assert.Equal(
            "terraform output deployment_strategy cannot be deployed: BLUE_GREEN needs the load balancer's alternate target group, production listener rule and role (loadBalancer.advancedConfiguration); check the environment's tfvars.",
            error.Message);
    }

    [Fact]
    public void The_test_traffic_gate_output_reaches_the_record_and_survives_its_file()
    {
        var outputs = """
            {"test_traffic_gate": {"sensitive": false, "value": {
              "functionArn": "arn:aws:lambda:eu-west-1:123456789012:function:app-prod-test-traffic-gate",
              "roleArn": "arn:aws:iam::123456789012:role/app-prod-ecs-lb",
              "verdictParameterPrefix": "/app-prod/test-traffic-gate/"}}}
            """;

        var applied = AppliedInfrastructure.From(TerraformOutputs.Parse(outputs, _ => { }), "prod", "abc", DateTimeOffset.UnixEpoch);

        var gate = applied.TestTrafficGate!;
        Assert.Equal(("app-prod-test-traffic-gate", "/app-prod/test-traffic-gate/"), (gate.FunctionName, gate.VerdictParameterPrefix));
        Assert.Equal("/app-prod/test-traffic-gate/Kx9", gate.VerdictParameter("arn:aws:ecs:eu-west-1:123456789012:service-deployment/app-prod/app-prod/Kx9"));
        Assert.Equal(new EcsLifecycleHook(gate.FunctionArn, gate.RoleArn, ["POST_TEST_TRAFFIC_SHIFT"]).LifecycleStages, gate.Hook().LifecycleStages);
        var read = System.Text.Json.JsonSerializer.Deserialize<AppliedInfrastructure>(AppliedInfrastructureFile.Json(applied), Build.Core.JsonDefaults.Indented)!;
        Assert.Equal(gate, read.TestTrafficGate);
    }

    [Fact]
    public void A_test_traffic_gate_output_that_is_not_usable_is_refused_naming_what_is_wrong()
    {
        var outputs = """{"test_traffic_gate": {"sensitive": false, "value": {"functionArn": "app-gate", "roleArn": "arn:aws:iam::1:role/r", "verdictParameterPrefix": "gate"}}}""";

        var error = Assert.Throws<CakeException>(() => AppliedInfrastructure.From(TerraformOutputs.Parse(outputs, _ => { }), "prod", "abc", DateTimeOffset.UnixEpoch));

        Assert.Equal(
            "terraform output test_traffic_gate cannot be used: functionArn 'app-gate' is not a Lambda function ARN; verdictParameterPrefix 'gate' is not an SSM path (/.../); check terraform/test_traffic_gate.tf.",
            error.Message);
    }

    [Fact]
    public void A_record_from_before_the_gate_s_hook_has_none_and_Deploy_gates_by_polling()
    {
        const string old = """{"environment":"dev","commit":"abc","appliedAt":"2026-01-01T00:00:00+00:00","cluster":"c","service":"s","container":"app","taskFamily":"f","publicUrl":"http://x","testUrl":"http://x:8081"}""";

        Assert.Null(System.Text.Json.JsonSerializer.Deserialize<AppliedInfrastructure>(old, Build.Core.JsonDefaults.Indented)!.TestTrafficGate);
    }
}

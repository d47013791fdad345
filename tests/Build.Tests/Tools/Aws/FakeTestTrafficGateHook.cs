using System.Text.Json;
using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// The test-traffic gate's Lambda (terraform/lambda/test_traffic_gate.py) as the fake ECS invokes it: the same rules,
/// reading the verdict from the fake SSM. No verdict: IN_PROGRESS (the deployment stays held); a "pass" for this
/// deployment and revision: SUCCEEDED; anything else: FAILED. (The Python source itself is tested by
/// TestTrafficGateLambdaTests with python3.)
/// </summary>
public static class FakeTestTrafficGateHook
{
    public const string FunctionArn = $"arn:aws:lambda:{FakeEcs.Region}:{FakeEcs.AccountId}:function:app-dev-test-traffic-gate";
    public const string RoleArn = $"arn:aws:iam::{FakeEcs.AccountId}:role/app-dev-ecs-lb";
    public const string VerdictPrefix = "/app-dev/test-traffic-gate/";

    public static Func<JsonObject, JsonObject> Reading(FakeSsm ssm, string prefix = VerdictPrefix) => payload =>
    {
        ArgumentNullException.ThrowIfNull(payload);
        var stage = payload["lifecycleStage"]?.GetValue<string>();
        var deployment = payload["resourceArn"]?.GetValue<string>() ?? "";
        var revision = payload["executionDetails"]?["targetServiceRevisionArn"]?.GetValue<string>();
        if (stage != "POST_TEST_TRAFFIC_SHIFT" || !deployment.Contains('/', StringComparison.Ordinal))
        {
            return Answer("FAILED");
        }

        var raw = ssm.Value(prefix + deployment[(deployment.LastIndexOf('/') + 1)..]);
        if (raw is null)
        {
            return new JsonObject { ["hookStatus"] = "IN_PROGRESS", ["callBackDelay"] = 15 };
        }

        JsonNode? verdict;
        try
        {
            verdict = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return Answer("FAILED");
        }

        var matches = verdict?["serviceDeploymentArn"]?.GetValue<string>() == deployment
            && (revision is null || verdict["targetServiceRevisionArn"]?.GetValue<string>() is null || verdict["targetServiceRevisionArn"]!.GetValue<string>() == revision);
        return Answer(matches && verdict!["verdict"]?.GetValue<string>() == "pass" ? "SUCCEEDED" : "FAILED");
    };

    private static JsonObject Answer(string status) => new() { ["hookStatus"] = status };
}

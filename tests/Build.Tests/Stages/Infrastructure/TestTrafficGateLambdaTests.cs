using System.Diagnostics;
using System.Text.Json.Nodes;
using Build.Tests.Support;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>
/// terraform/lambda/test_traffic_gate.py, the test-traffic gate's ECS lifecycle hook, run by the real python3 with a
/// stub boto3 on PYTHONPATH whose SSM client reads parameters from a JSON file: no verdict holds the deployment
/// (IN_PROGRESS), "pass" for this deployment releases it, "fail", a verdict for another deployment or revision, and a
/// wait past the maximum fail it (ECS rolls back). Without python3 these tests fail, saying so.
/// </summary>
public sealed class TestTrafficGateLambdaTests : IDisposable
{
    private const string Prefix = "/app-staging/test-traffic-gate/";
    private const string Deployment = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/app-staging/app-staging/K3abcXYZ";
    private const string Revision = "arn:aws:ecs:eu-west-1:123456789012:service-revision/app-staging/app-staging/4242";
    private const string Parameter = Prefix + "K3abcXYZ";

    private const string Boto3Stub = """
        import json
        import os


        class ParameterNotFound(Exception):
            def __init__(self, name):
                super().__init__(f"ParameterNotFound: {name}")
                self.response = {"Error": {"Code": "ParameterNotFound"}}


        class _Ssm:
            def get_parameter(self, Name):
                with open(os.environ["STUB_SSM_READS"], "a") as reads:
                    reads.write(Name + "\n")
                with open(os.environ["STUB_SSM_PARAMETERS"]) as stored:
                    parameters = json.load(stored)
                if Name not in parameters:
                    raise ParameterNotFound(Name)
                return {"Parameter": {"Name": Name, "Type": "String", "Value": parameters[Name]}}


        def client(service):
            assert service == "ssm", service
            return _Ssm()
        """;

    private const string Driver = """
        import json
        import sys

        import test_traffic_gate

        with open(sys.argv[1]) as event:
            answer = test_traffic_gate.handler(json.load(event), None)
        print("ANSWER " + json.dumps(answer))
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("gate-lambda-").FullName;

    public TestTrafficGateLambdaTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "stub", "boto3"));
        File.WriteAllText(Path.Combine(_root, "stub", "boto3", "__init__.py"), Boto3Stub);
        File.WriteAllText(Path.Combine(_root, "driver.py"), Driver);
        File.WriteAllText(Path.Combine(_root, "reads.txt"), "");
        Verdicts(new JsonObject());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void No_verdict_yet_holds_the_deployment_and_remembers_since_when()
    {
        var answer = Invoke(Event());

        Assert.Equal("IN_PROGRESS", answer["hookStatus"]!.GetValue<string>());
        Assert.Equal(15, answer["callBackDelay"]!.GetValue<int>());
        var since = DateTimeOffset.Parse(answer["hookDetails"]!["testTrafficGateWaitingSince"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(since, DateTimeOffset.UtcNow - TimeSpan.FromHours(1), DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
        Assert.Equal([Parameter], File.ReadAllLines(Path.Combine(_root, "reads.txt")));
    }

    [Fact]
    public void A_pass_for_this_deployment_and_revision_lets_production_traffic_move()
    {
        Verdicts(new JsonObject { [Parameter] = Verdict("pass") });

        Assert.Equal("SUCCEEDED", Invoke(Event())["hookStatus"]!.GetValue<string>());
    }

    [Fact]
    public void A_fail_fails_the_hook_so_ECS_rolls_back()
    {
        Verdicts(new JsonObject { [Parameter] = Verdict("fail") });

        Assert.Equal("FAILED", Invoke(Event())["hookStatus"]!.GetValue<string>());
    }

    [Fact]
    public void Waiting_past_the_maximum_without_a_verdict_fails_never_succeeds()
    {
        var since = (DateTimeOffset.UtcNow - TimeSpan.FromMinutes(31)).ToString("yyyy-MM-ddTHH:mm:ss.ffffff+00:00", System.Globalization.CultureInfo.InvariantCulture);
        var answer = Invoke(Event(new JsonObject { ["testTrafficGateWaitingSince"] = since }));

        Assert.Equal("FAILED", answer["hookStatus"]!.GetValue<string>());
    }

    [Fact]
    public void A_wait_within_the_maximum_still_holds()
    {
        var since = (DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5)).ToString("yyyy-MM-ddTHH:mm:ss.ffffff+00:00", System.Globalization.CultureInfo.InvariantCulture);
        var answer = Invoke(Event(new JsonObject { ["testTrafficGateWaitingSince"] = since }));

        Assert.Equal("IN_PROGRESS", answer["hookStatus"]!.GetValue<string>());
        Assert.Equal(since, answer["hookDetails"]!["testTrafficGateWaitingSince"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:service-deployment/app-staging/app-staging/OLDrun", Revision)]
    [InlineData(Deployment, "arn:aws:ecs:eu-west-1:123456789012:service-revision/app-staging/app-staging/1")]
    public void A_pass_written_for_another_deployment_or_revision_fails(string deployment, string revision)
    {
        Verdicts(new JsonObject { [Parameter] = Verdict("pass", deployment, revision) });

        Assert.Equal("FAILED", Invoke(Event())["hookStatus"]!.GetValue<string>());
    }

    [Fact]
    public void A_hook_configured_for_another_stage_fails()
    {
        Verdicts(new JsonObject { [Parameter] = Verdict("pass") });
        var invoked = Event();
        invoked["lifecycleStage"] = "PRODUCTION_TRAFFIC_SHIFT";

        Assert.Equal("FAILED", Invoke(invoked)["hookStatus"]!.GetValue<string>());
    }

    private static JsonObject Event(JsonObject? hookDetails = null)
    {
        var payload = new JsonObject
        {
            ["executionDetails"] = new JsonObject
            {
                ["testTrafficWeights"] = new JsonObject { [Revision] = 100 },
                ["productionTrafficWeights"] = new JsonObject { [Revision] = 0 },
                ["serviceArn"] = "arn:aws:ecs:eu-west-1:123456789012:service/app-staging/app-staging",
                ["targetServiceRevisionArn"] = Revision,
            },
            ["executionId"] = "8f1e3c2a",
            ["lifecycleStage"] = "POST_TEST_TRAFFIC_SHIFT",
            ["resourceArn"] = Deployment,
        };
        if (hookDetails is not null)
        {
            payload["hookDetails"] = hookDetails;
        }

        return payload;
    }

    private static string Verdict(string verdict, string deployment = Deployment, string revision = Revision) =>
        new JsonObject { ["verdict"] = verdict, ["serviceDeploymentArn"] = deployment, ["targetServiceRevisionArn"] = revision, ["reason"] = null, ["writtenAt"] = "2026-11-30T21:00:00+00:00" }.ToJsonString();

    private void Verdicts(JsonObject parameters) => File.WriteAllText(Path.Combine(_root, "parameters.json"), parameters.ToJsonString());

    private JsonObject Invoke(JsonObject payload)
    {
        var eventFile = Path.Combine(_root, "event.json");
        File.WriteAllText(eventFile, payload.ToJsonString());
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(_root, "driver.py"));
        start.ArgumentList.Add(eventFile);
        start.Environment["PYTHONPATH"] = string.Join(Path.PathSeparator, Path.Combine(_root, "stub"), TerraformHarness.RepositoryPath("terraform", "lambda"));
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["STUB_SSM_READS"] = Path.Combine(_root, "reads.txt");
        start.Environment["STUB_SSM_PARAMETERS"] = Path.Combine(_root, "parameters.json");
        start.Environment["VERDICT_PREFIX"] = Prefix;
        start.Environment["MAX_WAIT_SECONDS"] = "1800";
        start.Environment["CALLBACK_DELAY_SECONDS"] = "15";
        BuildProcessRun run;
        try
        {
            run = CapturedProcess.Run(start, TimeSpan.FromMinutes(2), "python3 test_traffic_gate.py");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            Assert.Fail($"python3 is needed to test terraform/lambda/test_traffic_gate.py and could not be started ({missing.Message}): install python3.");
            throw;
        }

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = run.Output.Split('\n').LastOrDefault(text => text.StartsWith("ANSWER ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the handler gave no answer: {run}");
        return JsonNode.Parse(line["ANSWER ".Length..])!.AsObject();
    }
}

using System.Text.Json;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;

namespace Build.Tests.Stages.Drift;

/// <summary>
/// The real Drift target, run by the build app on a repository whose terraform/ is a root with one CloudWatch log group,
/// with real terraform and the real AWS provider (the local mirror), its local state (the emulator backend) and
/// AWS_ENDPOINT_URL pointing at a fake CloudWatch Logs that checks each request's signature. What the provider reads
/// back is compared with the state: the fake's log group, or the state, is changed to make drift.
/// </summary>
public sealed class DriftEndToEndTests : IDisposable
{
    private const string GroupName = "/ecs/app-dev";
    private const string Address = "aws_cloudwatch_log_group.app";

    private readonly BuildProcess _build = new();
    private readonly FakeCloudWatchLogs _logs = new();

    public DriftEndToEndTests()
    {
        var terraform = Directory.CreateDirectory(_build.Path("terraform", "environments")).Parent!.FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "drift", "main.tf"), Path.Combine(terraform, "main.tf"));
        File.WriteAllText(
            Path.Combine(terraform, "environments", "dev.tfvars"),
            "environment           = \"dev\"\nservice_name          = \"app\"\naws_region            = \"eu-west-1\"\nlog_retention_in_days = 7\n");
        _build.Environment["AWS_ENDPOINT_URL"] = _logs.Endpoint.ToString();
        _build.Environment["AWS_ACCESS_KEY_ID"] = FakeCloudWatchLogs.AccessKey;
        _build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeCloudWatchLogs.SecretKey;
        _build.Environment["AWS_REGION"] = FakeCloudWatchLogs.Region;
        _build.Environment["AWS_PROFILE"] = "";
    }

    public void Dispose()
    {
        _logs.Dispose();
        _build.Dispose();
    }

    private string StateFile => _build.Path(".build", "terraform", "state", "dev-emulator.tfstate");

    [Fact]
    [Integration("terraform and the hashicorp/aws provider mirror")]
    public void Infrastructure_that_matches_the_state_is_no_drift_and_the_state_is_left_as_it_was()
    {
        _logs.Put(GroupName, 7);
        var state = WriteState(retentionInDays: 7);

        var run = Drift();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Drift in dev: no drift: the infrastructure matches the state.", run.Output, StringComparison.Ordinal);
        Assert.Contains("DescribeLogGroups", _logs.Operations);
        Assert.DoesNotContain(_logs.Operations, operation => operation.StartsWith("refused", StringComparison.Ordinal));
        Assert.Equal(state, File.ReadAllText(StateFile));
        using var drift = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "drift", "dev", "drift.json")));
        Assert.Equal(0, drift.RootElement.GetProperty("resources").GetArrayLength());
    }

    [Fact]
    [Integration("terraform and the hashicorp/aws provider mirror")]
    public void An_attribute_changed_in_the_state_is_drift_naming_the_resource_and_attribute_never_its_value()
    {
        _logs.Put(GroupName, 7);
        var state = WriteState(retentionInDays: 14);

        var run = Drift();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith(
            $"Error: Drift: 1 resource changed outside terraform in dev: {Address} (retention_in_days). Review them (artifacts/drift/dev/drift.json)",
            run.ErrorLines[^1],
            StringComparison.Ordinal);
        Assert.Contains("This is a refresh-only plan", run.Output, StringComparison.Ordinal);
        Assert.Equal(state, File.ReadAllText(StateFile));
        Assert.Empty(Directory.EnumerateFiles(_build.Root, "*.tfplan", SearchOption.AllDirectories));

        var json = File.ReadAllText(_build.Path("artifacts", "drift", "dev", "drift.json"));
        using var drift = JsonDocument.Parse(json);
        var resource = Assert.Single(drift.RootElement.GetProperty("resources").EnumerateArray());
        Assert.Equal(Address, resource.GetProperty("address").GetString());
        Assert.Equal("update", resource.GetProperty("action").GetString());
        Assert.Equal(["retention_in_days"], resource.GetProperty("attributes").EnumerateArray().Select(name => name.GetString()));
        Assert.DoesNotContain(GroupName, json, StringComparison.Ordinal);
        var summary = File.ReadAllText(_build.Path("artifacts", "summary.md"));
        Assert.Contains($"| `{Address}` | update | `retention_in_days` |", summary, StringComparison.Ordinal);
    }

    [Fact]
    [Integration("terraform and the hashicorp/aws provider mirror")]
    public void A_resource_deleted_outside_terraform_is_drift()
    {
        WriteState(retentionInDays: 7);

        var run = Drift();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"Error: Drift: 1 resource changed outside terraform in dev: {Address} (deleted).", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_walks_Prerequisites_then_Drift_and_runs_no_terraform()
    {
        var run = _build.Run("--target", "Drift", "--environment", "dev", "--terraform-backend", "emulator", "--dryrun");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1. Prerequisites\n2. Drift\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_build.Path(".build", "terraform")), "the dry run ran terraform");
        Assert.Empty(_logs.Operations);
    }

    [Theory]
    [InlineData("Drift checks a cloud environment: pass --environment dev|staging|prod")]
    [InlineData("Drift checks a cloud environment: pass --environment dev|staging|prod", "--environment", "local")]
    [InlineData("Drift reads the real infrastructure, and --terraform-backend local plans offline", "--environment", "dev", "--terraform-backend", "local")]
    [InlineData("--environment", "--environment", "qa")]
    public void Bad_input_is_a_usage_error_before_anything_runs(string error, params string[] arguments)
    {
        var run = _build.Run(["--target", "Drift", .. arguments]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(error, Assert.Single(run.ErrorLines), StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(_build.Path(".build", "terraform")), "terraform ran before the usage error");
        Assert.False(Directory.Exists(_build.Artifacts), "the run wrote artifacts before the usage error");
        Assert.Empty(_logs.Operations);
    }

    private BuildProcessRun Drift() => _build.Run("--target", "Drift", "--environment", "dev", "--terraform-backend", "emulator");

    // The state terraform writes after creating the log group (as an apply against the fake wrote it), with the retention given.
    private string WriteState(int retentionInDays)
    {
        var state = $$"""
            {
              "version": 4,
              "terraform_version": "1.11.4",
              "serial": 1,
              "lineage": "6f0c3a52-8d8e-4d8c-9a43-6f8f2f0d0b11",
              "outputs": {},
              "resources": [
                {
                  "mode": "managed",
                  "type": "aws_cloudwatch_log_group",
                  "name": "app",
                  "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                  "instances": [
                    {
                      "schema_version": 0,
                      "attributes": {
                        "arn": "{{FakeCloudWatchLogs.ArnOf(GroupName)}}",
                        "id": "{{GroupName}}",
                        "kms_key_id": "",
                        "log_group_class": "STANDARD",
                        "name": "{{GroupName}}",
                        "name_prefix": "",
                        "retention_in_days": {{retentionInDays}},
                        "skip_destroy": false,
                        "tags": null,
                        "tags_all": {}
                      },
                      "sensitive_attributes": [],
                      "private": "bnVsbA=="
                    }
                  ]
                }
              ],
              "check_results": null
            }

            """;
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        File.WriteAllText(StateFile, state);
        return state;
    }
}

using System.Text.Json.Nodes;
using Build.Stages.Deploy.Ecs;
using Build.Stages.Infrastructure;

namespace Build.Tests.Stages.Deploy.Ecs;

public sealed class ContainerSecretsTests
{
    private const string Prefix = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-dev/";
    private const string Db = Prefix + "ConnectionStrings__Default-AbCdEf";
    private const string Payments = Prefix + "Payments__ApiKey-GhIjKl";
    private const string Foreign = "arn:aws:ssm:eu-west-1:123456789012:parameter/shared/flags";

    [Fact]
    public void Secrets_terraform_still_manages_are_carried_through_unchanged_and_nothing_is_reported()
    {
        var container = Container($$"""[{"name":"ConnectionStrings__Default","valueFrom":"{{Db}}"},{"name":"Flags","valueFrom":"{{Foreign}}"}]""");
        var before = container.ToJsonString();

        var changes = ContainerSecrets.Apply(container, Managed(("ConnectionStrings__Default", Db)));

        Assert.Empty(changes);
        Assert.Equal(before, container.ToJsonString());
    }

    [Fact]
    public void A_secret_added_in_the_tfvars_is_appended_and_one_removed_from_them_is_dropped_while_a_foreign_one_stays()
    {
        var container = Container($$"""[{"name":"ConnectionStrings__Default","valueFrom":"{{Db}}"},{"name":"Flags","valueFrom":"{{Foreign}}"}]""");

        var changes = ContainerSecrets.Apply(container, Managed(("Payments__ApiKey", Payments)));

        Assert.Equal(["removed ConnectionStrings__Default", "added Payments__ApiKey"], changes);
        Assert.Equal($$"""[{"name":"Flags","valueFrom":"{{Foreign}}"},{"name":"Payments__ApiKey","valueFrom":"{{Payments}}"}]""", container["secrets"]!.ToJsonString());
    }

    [Fact]
    public void A_container_without_secrets_and_nothing_managed_gets_no_secrets_field()
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = "x" };

        var changes = ContainerSecrets.Apply(container, Managed());

        Assert.Empty(changes);
        Assert.False(container.ContainsKey("secrets"));
    }

    private static JsonObject Container(string secrets) =>
        new() { ["name"] = "app", ["image"] = "x", ["secrets"] = JsonNode.Parse(secrets) };

    private static AppSecrets Managed(params (string Name, string Arn)[] secrets) =>
        new(Prefix, secrets.ToDictionary(secret => secret.Name, secret => secret.Arn, StringComparer.Ordinal));
}

using System.Text.Json.Nodes;
using Build.Stages.Deploy.Ecs;
using Build.Tools.Aws.Ecs;

namespace Build.Tests.Stages.Deploy.Ecs;

public sealed class TaskDefinitionRevisionTests
{
    private const string NewImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:1111111111111111111111111111111111111111111111111111111111111111";

    // As DescribeTaskDefinition returns it: read-only fields, a sidecar, and fields this build has never heard of,
    // with number forms (1.50, 2e3) that a parse-and-reserialise through typed records would not keep.
    private const string Described = """
        {"taskDefinitionArn":"arn:aws:ecs:eu-west-1:123456789012:task-definition/app-dev:7","containerDefinitions":[{"name":"app","image":"old/app@sha256:aaaa","cpu":0,"essential":true,"environment":[{"name":"A","value":"1"}],"futureContainerField":{"x":[1.50,2e3]}},{"name":"otel-collector","image":"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0","essential":false}],"family":"app-dev","taskRoleArn":"arn:aws:iam::123456789012:role/app-dev-task","executionRoleArn":"arn:aws:iam::123456789012:role/app-dev-task-execution","networkMode":"awsvpc","revision":7,"volumes":[],"status":"ACTIVE","requiresAttributes":[{"name":"ecs.capability.task-eni"}],"placementConstraints":[],"compatibilities":["EC2","FARGATE"],"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","runtimePlatform":{"cpuArchitecture":"ARM64","operatingSystemFamily":"LINUX"},"registeredAt":1718210400.123,"registeredBy":"arn:aws:sts::123456789012:assumed-role/deploy/ci","deregisteredAt":1718210500.5,"enableFaultInjection":false,"someFutureTopLevelField":{"nested":true,"ratio":0.250}}
        """;

    [Fact]
    public void Only_the_image_of_the_named_container_changes_and_every_other_field_is_kept_as_written()
    {
        var registration = TaskDefinitionRevision.WithImage(Definition(), "app", NewImage);

        var expected = """
            {"containerDefinitions":[{"name":"app","image":"NEW","cpu":0,"essential":true,"environment":[{"name":"A","value":"1"}],"futureContainerField":{"x":[1.50,2e3]}},{"name":"otel-collector","image":"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0","essential":false}],"family":"app-dev","taskRoleArn":"arn:aws:iam::123456789012:role/app-dev-task","executionRoleArn":"arn:aws:iam::123456789012:role/app-dev-task-execution","networkMode":"awsvpc","volumes":[],"placementConstraints":[],"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","runtimePlatform":{"cpuArchitecture":"ARM64","operatingSystemFamily":"LINUX"},"enableFaultInjection":false,"someFutureTopLevelField":{"nested":true,"ratio":0.250}}
            """.Trim().Replace("NEW", NewImage, StringComparison.Ordinal);
        Assert.Equal(expected, registration.ToJsonString());
    }

    [Fact]
    public void The_read_only_fields_ECS_adds_are_dropped()
    {
        var registration = TaskDefinitionRevision.WithImage(Definition(), "app", NewImage);

        Assert.Equal(
            ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt"],
            TaskDefinitionRevision.ReadOnlyFields);
        Assert.All(TaskDefinitionRevision.ReadOnlyFields, field => Assert.False(registration.ContainsKey(field), $"{field} is still there"));
        Assert.Equal(Definition().Definition.Count - TaskDefinitionRevision.ReadOnlyFields.Count, registration.Count);
    }

    [Fact]
    public void The_sidecar_keeps_its_image_and_the_described_definition_is_not_changed()
    {
        var described = Definition();
        var before = described.Definition.ToJsonString();

        var registration = TaskDefinitionRevision.WithImage(described, "otel-collector", NewImage);

        Assert.Equal(before, described.Definition.ToJsonString());
        Assert.Equal("old/app@sha256:aaaa", registration["containerDefinitions"]![0]!["image"]!.GetValue<string>());
        Assert.Equal(NewImage, registration["containerDefinitions"]![1]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void Tags_are_carried_over_and_left_out_when_there_are_none()
    {
        var tags = new JsonArray(new JsonObject { ["key"] = "Service", ["value"] = "app" });

        var tagged = TaskDefinitionRevision.WithImage(Definition(tags), "app", NewImage);
        var untagged = TaskDefinitionRevision.WithImage(Definition(), "app", NewImage);

        Assert.Equal("""[{"key":"Service","value":"app"}]""", tagged["tags"]!.ToJsonString());
        Assert.False(untagged.ContainsKey("tags"));
    }

    [Fact]
    public void A_container_name_the_definition_does_not_have_is_refused_listing_the_names()
    {
        var error = Assert.Throws<EcsDeployFailedException>(() => TaskDefinitionRevision.WithImage(Definition(), "web", NewImage));

        Assert.Equal(EcsDeployFailureKind.Refused, error.Kind);
        Assert.Equal("Task definition app-dev:7 has no container named 'web' (its containers: app, otel-collector): deploy with the container name the service's task definition uses.", error.Message);
    }

    private static EcsTaskDefinition Definition(JsonArray? tags = null) => new(JsonNode.Parse(Described.Trim())!.AsObject(), tags ?? []);
}

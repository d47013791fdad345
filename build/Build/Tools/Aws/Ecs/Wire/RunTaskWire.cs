namespace Build.Tools.Aws.Ecs.Wire;

/// <summary>RunTask's request: one Fargate task of a revision in the given network, its container's command overridden.</summary>
public sealed record RunTaskRequest(
    string Cluster,
    string TaskDefinition,
    string LaunchType,
    int Count,
    NetworkConfigurationWire NetworkConfiguration,
    TaskOverrideWire Overrides,
    string? StartedBy);

public sealed record NetworkConfigurationWire(AwsVpcConfigurationWire AwsvpcConfiguration);

public sealed record AwsVpcConfigurationWire(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string AssignPublicIp);

public sealed record TaskOverrideWire(IReadOnlyList<ContainerOverrideWire> ContainerOverrides);

public sealed record ContainerOverrideWire(string Name, IReadOnlyList<string> Command);

public sealed record RunTaskResponse(IReadOnlyList<TaskWire>? Tasks, IReadOnlyList<FailureWire>? Failures);

public sealed record StopTaskRequest(string Cluster, string Task, string Reason);

public sealed record StopTaskResponse(TaskWire? Task);

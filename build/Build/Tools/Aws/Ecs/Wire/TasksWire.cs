namespace Build.Tools.Aws.Ecs.Wire;

public sealed record ListTasksRequest(string Cluster, string? Family, string? StartedBy, string? DesiredStatus, string? NextToken, int MaxResults);

public sealed record ListTasksResponse(IReadOnlyList<string>? TaskArns, string? NextToken);

public sealed record DescribeTasksRequest(string Cluster, IReadOnlyList<string> Tasks);

public sealed record DescribeTasksResponse(IReadOnlyList<TaskWire>? Tasks, IReadOnlyList<FailureWire>? Failures);

public sealed record TaskWire(
    string? TaskArn,
    string? TaskDefinitionArn,
    string? LastStatus,
    string? DesiredStatus,
    string? StartedBy,
    string? StoppedReason,
    string? StopCode,
    double? StoppedAt,
    IReadOnlyList<ContainerWire>? Containers,
    double? StartedAt = null,
    double? CreatedAt = null);

public sealed record ContainerWire(string? Name, int? ExitCode, string? Reason, string? LastStatus);

namespace Build.Tools.Aws.Ecs;

/// <summary>One of the service's events (DescribeServices lists the newest 100, newest first).</summary>
public sealed record EcsServiceEvent(string Id, DateTimeOffset? CreatedAt, string Message);

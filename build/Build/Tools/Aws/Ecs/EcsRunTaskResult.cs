namespace Build.Tools.Aws.Ecs;

/// <summary>
/// What RunTask answered: the task it started, or (none started) ECS's failures, e.g. "RESOURCE:ENI" or "AGENT" with
/// their detail, as "reason (detail)".
/// </summary>
public sealed record EcsRunTaskResult(EcsTask? Task, IReadOnlyList<string> Failures);

namespace Build.Stages.Deploy.Ecs;

/// <summary>The deployment to follow: by its id when UpdateService named it, else the newest one running <paramref name="TaskDefinitionArn"/>.</summary>
public sealed record EcsRolloutTarget(string? DeploymentId, string TaskDefinitionArn);

namespace Build.Tools.Aws.Ecs;

/// <summary>
/// What UpdateService answered: the service after the update, and the id of the deployment it started (its PRIMARY
/// deployment, when that one runs the task definition asked for; null when the answer does not say).
/// </summary>
public sealed record EcsServiceUpdate(EcsService Service, string? DeploymentId);

namespace Build.Tools.Aws.Ecs;

/// <summary>
/// One entry of UpdateService's <c>deploymentConfiguration.lifecycleHooks</c>: the Lambda function ECS invokes (as
/// <see cref="RoleArn"/>) while the deployment is in one of <see cref="LifecycleStages"/>, and holds it there until the
/// function answers SUCCEEDED (FAILED rolls it back).
/// </summary>
public sealed record EcsLifecycleHook(string HookTargetArn, string RoleArn, IReadOnlyList<string> LifecycleStages);

namespace Build.Stages.Deploy.Ecs;

/// <summary>Why an ECS deploy failed; the first three change nothing the service runs.</summary>
public enum EcsDeployFailureKind
{
    /// <summary>Refused before anything changed: a tag instead of a digest, no such container, another deployment in progress.</summary>
    Refused,

    /// <summary>The cluster or service does not exist (or was deleted): Apply creates it.</summary>
    ServiceMissing,

    /// <summary>Our deployment's rollout is FAILED and ECS did not roll it back.</summary>
    RolloutFailed,

    /// <summary>The circuit breaker failed our deployment and the service runs the previous revision again.</summary>
    RolledBackByEcs,

    /// <summary>Our deployment is gone or was replaced by someone else's.</summary>
    DeploymentGone,

    /// <summary>Our deployment did not complete in time; ECS goes on with it.</summary>
    TimedOut,

    /// <summary>The rollout completed but the smoke test failed; the deploy rolled back (see <see cref="EcsDeployFailedException.RolledBack"/>).</summary>
    SmokeFailed,

    /// <summary>The smoke test through the test listener failed during the test-traffic stage; the deploy stopped the deployment with a rollback.</summary>
    TestTrafficFailed,

    /// <summary>A pre-deploy task (migration, backup) exited non-zero, never started or timed out: the service was never updated.</summary>
    PreDeployTaskFailed,
}

namespace Build.Tools.Aws.Ecs;

/// <summary>The service's deployment circuit breaker: whether a deployment that cannot become steady is failed, and whether ECS then rolls back.</summary>
public sealed record EcsCircuitBreaker(bool Enable, bool Rollback);

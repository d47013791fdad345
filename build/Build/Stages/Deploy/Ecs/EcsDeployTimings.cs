namespace Build.Stages.Deploy.Ecs;

/// <summary>How long each part of an ECS deploy took: describe + register, UpdateService to COMPLETED, the smoke test, and all of it.</summary>
public sealed record EcsDeployTimings(TimeSpan Register, TimeSpan Rollout, TimeSpan Smoke, TimeSpan Total);

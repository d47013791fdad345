namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// One line of an ECS deploy's progress: a step ("registered app-dev:8") or a poll ("deployment ecs-svc/123: rollout
/// IN_PROGRESS, 1/2 running, 1 pending, 0 failed, 34 s"). <see cref="Changed"/> says whether a poll saw anything new,
/// so the stage can print a live line, every line, or only the changes.
/// </summary>
public sealed record EcsProgress(string Line, bool IsPoll, bool Changed)
{
    public override string ToString() => Line;
}

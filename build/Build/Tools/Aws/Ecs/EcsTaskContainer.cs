namespace Build.Tools.Aws.Ecs;

/// <summary>A container of a task: its exit code and why it stopped, once it has.</summary>
public sealed record EcsTaskContainer(string Name, int? ExitCode, string? Reason, string? LastStatus);

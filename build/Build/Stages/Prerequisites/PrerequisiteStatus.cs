using Build.Core.Prerequisites;

namespace Build.Stages.Prerequisites;

/// <summary>
/// One need as found on this machine: its state, a detail for the line (a path, a version, the error), and for
/// what can be started the executable that starts it (dockerd, docker-registry; null when the build cannot).
/// </summary>
public sealed record PrerequisiteStatus(Prerequisite Need, PrerequisiteState State, string? Detail = null, string? Executable = null)
{
    /// <summary>Gets a value indicating whether this run cannot go on without installing or starting it.</summary>
    public bool IsLacking => State is PrerequisiteState.Missing or PrerequisiteState.NotRunning;
}

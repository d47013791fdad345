using Build.Core.Prerequisites;

namespace Build.Stages.Prerequisites;

/// <summary>
/// One need as found on this machine: its state, a detail for the line (a path, a version, the error), for what can
/// be started the executable that starts it (dockerd, docker-registry; null when the build cannot), and a fix when
/// the probe knows better than the usual install or start command (an engine elsewhere, a socket this user may not use).
/// </summary>
public sealed record PrerequisiteStatus(Prerequisite Need, PrerequisiteState State, string? Detail = null, string? Executable = null, string? Fix = null)
{
    /// <summary>Gets a value indicating whether this run cannot go on without installing or starting it.</summary>
    public bool IsLacking => State is PrerequisiteState.Missing or PrerequisiteState.NotRunning;
}

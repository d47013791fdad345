namespace Build.Tools.Machine;

/// <summary>A registry that answers: started by this build (its pid), or by another build at the same moment.</summary>
public sealed record RegistryStart(int? Pid, bool StartedHere);

namespace Build.Stages.Prerequisites;

/// <summary>What a probe found.</summary>
public enum PrerequisiteState
{
    Present,

    /// <summary>Not installed.</summary>
    Missing,

    /// <summary>Installed but not answering (the Docker engine, the local registry): it can be started.</summary>
    NotRunning,

    /// <summary>Nothing to check, only to say (where the terraform AWS provider comes from, a registry elsewhere).</summary>
    Noted,
}

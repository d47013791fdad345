namespace Build.Stages.Push;

/// <summary>What a push does with a tag that already holds a different image.</summary>
public enum TagConflict
{
    /// <summary>Refuse before anything is pushed (every registry a release goes to).</summary>
    Refuse,

    /// <summary>Push over it with a warning (this machine's own registry, the local environment only).</summary>
    Replace,
}

namespace Build.Stages.Release;

/// <summary>What a commit changes, after its conventional-commit type; the release notes' groups, in their order.</summary>
public enum ChangeKind
{
    Breaking,
    Feature,
    Fix,
    Other,
}

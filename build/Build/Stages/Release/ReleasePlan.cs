using Build.Core.Versioning;

namespace Build.Stages.Release;

/// <summary>What Release tags: the version, its tag, the commit (HEAD), the tag before it and the notes.</summary>
public sealed record ReleasePlan(SemanticVersion Version, string Tag, string Commit, string Remote, ReleaseNotes Notes);

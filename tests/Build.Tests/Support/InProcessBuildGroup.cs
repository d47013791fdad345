namespace Build.Tests.Support;

/// <summary>
/// Tests that run the real build host in-process, in a temporary checkout. Cake sets the process's current directory
/// to the build's working directory, so these run alone, never beside tests that read it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessBuildGroup
{
    public const string Name = "in-process build host";
}

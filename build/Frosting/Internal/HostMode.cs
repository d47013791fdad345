namespace Cake.Frosting.Internal;

/// <summary>What one invocation of the host does.</summary>
internal enum HostMode
{
    Run,
    DryRun,
    Tree,
    Description,
    Help,
    Version,
}

namespace Cake.Frosting;

/// <summary>
/// Whether this invocation runs the target's tasks or only walks the graph (<c>--dryrun</c>). Cake runs Setup and
/// Teardown in a dry run too (criteria may need what Setup prepares), so a lifetime that takes locks or writes files
/// asks for this service to leave that out. Cake.Frosting has no such service: with the real package, pass the fact
/// another way (e.g. an argument).
/// </summary>
public sealed record FrostingRunMode(bool IsDryRun);

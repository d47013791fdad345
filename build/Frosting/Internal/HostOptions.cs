using Cake.Core.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>The parsed command line: host switches plus every other <c>--name value</c> as an argument.</summary>
internal sealed record HostOptions(
    HostMode Mode,
    string Target,
    bool Exclusive,
    Verbosity Verbosity,
    string? WorkingDirectory,
    int? Parallelism,
    ILookup<string, string> Arguments);

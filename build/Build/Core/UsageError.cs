using Cake.Core;

namespace Build.Core;

/// <summary>
/// A bad command line or parameter value: exit code 2, one line, before any side effect.
/// (Cake's exception carries the exit code; it is sealed, hence a factory instead of a subclass.)
/// </summary>
public static class UsageError
{
    public static CakeException Of(string message) => new(ExitCodes.Usage, message);
}

using System.Reflection;
using Cake.Core.IO;

namespace Cake.Frosting.Internal;

/// <summary>
/// The operating-system id of a process Cake started. Cake 7's <see cref="IProcess"/> does not expose it; its wrapper
/// holds the <see cref="System.Diagnostics.Process"/>, which is found by type, not by a private field's name.
/// </summary>
internal static class ProcessIds
{
    public static int? Of(IProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var field = process.GetType()
            .GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .FirstOrDefault(candidate => candidate.FieldType == typeof(System.Diagnostics.Process));
        try
        {
            return field?.GetValue(process) is System.Diagnostics.Process inner ? inner.Id : null;
        }
        catch (InvalidOperationException)
        {
            // The process has exited and been disposed.
            return null;
        }
    }
}

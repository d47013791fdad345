using System.Reflection;
using Cake.Core;

namespace Cake.Frosting.Internal;

/// <summary>Task names come from <see cref="TaskNameAttribute"/>, else the class name.</summary>
internal static class TaskNames
{
    public static string Of(Type type) => type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? type.Name;

    public static string OfDependency(Type dependency, string dependentName)
    {
        if (!dependency.IsAssignableTo(typeof(IFrostingTask)))
        {
            throw new CakeException($"Task '{dependentName}' refers to '{dependency.Name}', which is not a Frosting task.");
        }

        return Of(dependency);
    }
}

namespace Cake.Frosting;

/// <summary>The decorated task becomes a dependency of <see cref="Task"/> (a reverse dependency).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IsDependeeOfAttribute(Type task) : Attribute
{
    public Type Task { get; } = task;
}

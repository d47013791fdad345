namespace Cake.Frosting;

/// <summary>Names a task in the graph; by convention <c>[TaskName(nameof(ClassName))]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

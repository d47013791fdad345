namespace Cake.Frosting;

/// <summary>A failure of the decorated task is logged and the graph goes on.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ContinueOnErrorAttribute : Attribute;

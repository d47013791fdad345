namespace Cake.Frosting;

/// <summary>
/// The decorated task uses <see cref="Resource"/> in a way no other task may at the same time (e.g. "solution-build":
/// it writes the solution's obj/ and bin/). When tasks run in parallel, two tasks naming the same resource never overlap.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ExclusiveUseAttribute(string resource) : Attribute
{
    public string Resource { get; } = resource;
}

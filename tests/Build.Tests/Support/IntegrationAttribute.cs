using Xunit.Sdk;

namespace Build.Tests.Support;

/// <summary>
/// Marks a test class or method that needs an external component besides the .NET SDK and git (a Docker engine, the
/// registry on 127.0.0.1:5000, docker-registry, Chromium, shellcheck, terraform). It carries the trait
/// Category=Integration that <c>./build.sh --target Test --tests unit</c> leaves out; <c>--tests all</c> (the default,
/// what CI runs) runs it, and it fails, never skips, when its component is missing.
/// </summary>
/// <param name="component">What the test needs, for the reader (e.g. "docker engine").</param>
[TraitDiscoverer(IntegrationTraitDiscoverer.TypeName, IntegrationTraitDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class IntegrationAttribute(string component) : Attribute, ITraitAttribute
{
    /// <summary>Gets what the test needs besides the .NET SDK and git.</summary>
    public string Component { get; } = component;
}

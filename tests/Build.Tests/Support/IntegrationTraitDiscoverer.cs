using Build.Stages.Test;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Build.Tests.Support;

/// <summary>Gives <see cref="IntegrationAttribute"/> its trait: the one the build's <c>--tests unit</c> filter excludes.</summary>
public sealed class IntegrationTraitDiscoverer : ITraitDiscoverer
{
    public const string TypeName = "Build.Tests.Support.IntegrationTraitDiscoverer";

    public const string AssemblyName = "Build.Tests";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [new(TestSelection.TraitName, TestSelection.IntegrationTrait)];
}

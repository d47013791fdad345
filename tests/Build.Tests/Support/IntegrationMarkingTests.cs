using Build.Parameters;
using Build.Stages.Test;
using Build.Tests.Stages.Accessibility;
using Build.Tests.Stages.Image;
namespace Build.Tests.Support;

public sealed class IntegrationMarkingTests
{
    [Fact]
    public void The_attribute_carries_the_trait_that_the_unit_selection_filters_out()
    {
        var trait = Assert.Single(new IntegrationTraitDiscoverer().GetTraits(null!));

        Assert.Equal($"{trait.Key}!={trait.Value}", TestSelection.Filter(BuildParameters.UnitTests));
        Assert.Equal(IntegrationTraitDiscoverer.TypeName, typeof(IntegrationTraitDiscoverer).FullName);
        Assert.Equal(IntegrationTraitDiscoverer.AssemblyName, typeof(IntegrationTraitDiscoverer).Assembly.GetName().Name);
    }

    [Fact]
    public void Every_class_in_the_docker_engine_and_browser_collections_is_marked_since_their_fixtures_need_the_component()
    {
        string[] collections = [DockerEngineGroup.Name, BrowserTestGroup.Name];

        var members = typeof(IntegrationMarkingTests).Assembly.GetTypes()
            .Where(type => type.GetCustomAttributesData().Any(attribute =>
                attribute.AttributeType == typeof(CollectionAttribute)
                && attribute.ConstructorArguments[0].Value is string name
                && collections.Contains(name)))
            .ToList();

        Assert.NotEmpty(members);
        Assert.Empty(members.Where(type => !type.IsDefined(typeof(IntegrationAttribute), inherit: false)).Select(type => type.FullName));
    }
}

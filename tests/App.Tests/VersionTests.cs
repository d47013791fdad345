using System.Net;
using System.Reflection;
using System.Reflection.Emit;
using System.Text.Json;
using App.Versioning;

namespace App.Tests;

public sealed class VersionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Given_a_running_app_When_version_is_requested_Then_it_returns_the_stamped_version_and_commit()
    {
        var assembly = typeof(VersionInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GitCommit").Value;
        using var client = factory.CreateRawClient();

        using var response = await client.GetAsync(new Uri("/version", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var version = json.RootElement.GetProperty("version").GetString();
        Assert.False(string.IsNullOrWhiteSpace(version));
        Assert.DoesNotContain('+', version);
        Assert.Equal(informational.Split('+')[0], version);
        Assert.False(string.IsNullOrWhiteSpace(commit), "the csproj must stamp GitCommit, defaulting to 'unknown'");
        Assert.Equal(commit, json.RootElement.GetProperty("commit").GetString());
    }

    [Theory]
    [InlineData("1.2.3+0123456789abcdef", "1.2.3")]
    [InlineData("1.2.3-beta.4+sha.abc", "1.2.3-beta.4")]
    [InlineData("1.2.3-beta.4", "1.2.3-beta.4")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Given_an_informational_version_When_build_metadata_is_stripped_Then_only_the_semver_remains(string? input, string? expected) =>
        Assert.Equal(expected, VersionInfo.StripBuildMetadata(input));

    [Fact]
    public void Given_an_assembly_stamped_by_the_build_When_read_Then_version_drops_the_sha_suffix_and_commit_is_the_metadata()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Stamped"), AssemblyBuilderAccess.Run,
        [
            new CustomAttributeBuilder(typeof(AssemblyInformationalVersionAttribute).GetConstructor([typeof(string)])!, ["2.3.4-rc.1+0123abc"]),
            new CustomAttributeBuilder(typeof(AssemblyMetadataAttribute).GetConstructor([typeof(string), typeof(string)])!, ["GitCommit", "0123abc"]),
        ]);

        var info = VersionInfo.FromAssembly(assembly);

        Assert.Equal(new VersionInfo("2.3.4-rc.1", "0123abc"), info);
    }

    [Fact]
    public void Given_an_assembly_without_a_git_commit_When_read_Then_commit_is_unknown()
    {
        var info = VersionInfo.FromAssembly(typeof(VersionTests).Assembly);

        Assert.Equal(VersionInfo.Unknown, info.Commit);
        Assert.NotEqual(VersionInfo.Unknown, info.Version);
    }
}

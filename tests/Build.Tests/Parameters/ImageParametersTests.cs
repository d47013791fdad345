using Build.Core;
using Build.Core.Secrets;
using Build.Parameters;
using Cake.Core;

namespace Build.Tests.Parameters;

public sealed class ImageParametersTests
{
    [Fact]
    public void Defaults_for_the_local_environment_build_offline_on_the_local_base()
    {
        var parameters = Parse();

        Assert.Equal(new ImageParameters("app", ImageBuildModes.Prebuilt, ImageParameters.LocalBase, ImageBuilders.Auto, 120, "127.0.0.1:5000", "mcr.microsoft.com/dotnet/sdk:10.0"), parameters);
        Assert.True(parameters.UsesLocalBase);
    }

    [Fact]
    public void Defaults_for_a_cloud_environment_build_on_runtime_deps()
    {
        var parameters = Parse("--environment", "dev");

        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps:10.0", parameters.BaseImage);
        Assert.False(parameters.UsesLocalBase);
    }

    [Fact]
    public void Every_parameter_can_be_set()
    {
        var parameters = Parse(
            "--image-repository", "team/app", "--image-build-mode", "SDK", "--base-image", "registry.example/base:1",
            "--image-builder", "legacy", "--image-size-budget-mb", "80", "--registry", "localhost:5001", "--sdk-image", "mirror.example/dotnet/sdk:10.0");

        Assert.Equal(new ImageParameters("team/app", ImageBuildModes.Sdk, "registry.example/base:1", ImageBuilders.Legacy, 80, "localhost:5001", "mirror.example/dotnet/sdk:10.0"), parameters);
    }

    [Theory]
    [InlineData("--image-repository", "App", "Invalid --image-repository 'App'")]
    [InlineData("--image-build-mode", "docker", "Invalid --image-build-mode 'docker': use one of prebuilt, sdk.")]
    [InlineData("--image-builder", "kaniko", "Invalid --image-builder 'kaniko': use one of auto, buildkit, legacy.")]
    [InlineData("--image-size-budget-mb", "0", "Invalid --image-size-budget-mb '0'")]
    [InlineData("--registry", "http://127.0.0.1:5000", "Invalid --registry 'http://127.0.0.1:5000': use host:port")]
    [InlineData("--base-image", "a b", "Invalid --base-image 'a b'")]
    [InlineData("--sdk-image", "a b", "Invalid --sdk-image 'a b'")]
    public void A_bad_value_is_a_usage_error_naming_the_parameter(string name, string value, string expected)
    {
        var error = Assert.Throws<CakeException>(() => Parse(name, value));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_parameters_carry_them()
    {
        var parameters = BuildParameters.Parse(Arguments("--image-size-budget-mb", "90"), new SecretRegistry());

        Assert.Equal(90, parameters.Image.SizeBudgetMegabytes);
    }

    private static ImageParameters Parse(params string[] args)
    {
        var arguments = Arguments(args);
        var reader = new ArgumentReader(arguments);
        return ImageParameters.Parse(reader, EnvironmentNames.IsLocal(reader.Choice(ParameterTable.Environment)));
    }

    private static CakeArguments Arguments(params string[] args) =>
        new(args.Chunk(2).ToLookup(pair => pair[0].TrimStart('-'), pair => pair[1], StringComparer.OrdinalIgnoreCase));
}

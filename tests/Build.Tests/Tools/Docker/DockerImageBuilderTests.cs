using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Tools.Docker;

public sealed class DockerImageBuilderTests : IDisposable
{
    private readonly DockerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    public sealed class TheGetArgumentsMethod
    {
        [Fact]
        public void A_context_alone_is_the_last_quoted_argument()
        {
            var args = DockerImageBuilder.GetArguments(new DirectoryPath("/ctx"), new DockerBuildSettings()).Render();

            Assert.Equal("build \"/ctx\"", args);
        }

        [Fact]
        public void File_target_tags_args_and_iidfile_are_one_switch_each_in_a_stable_order()
        {
            var settings = new DockerBuildSettings
            {
                File = new FilePath("/repo/src/App/Dockerfile"),
                Target = "prebuilt",
                ImageIdFile = new FilePath("/repo/artifacts/image/image.id"),
            };
            settings.Tags.Add("app:1.0.0");
            settings.Tags.Add("app:0123456789ab");
            settings.BuildArgs["VERSION"] = "1.0.0";
            settings.BuildArgs["BASE_IMAGE"] = "app-base:debian12";
            settings.Labels["team"] = "web";

            var args = DockerImageBuilder.GetArguments(new DirectoryPath("/repo/artifacts/image/publish"), settings).Render();

            Assert.Equal(
                "build --file \"/repo/src/App/Dockerfile\" --target prebuilt --tag app:1.0.0 --tag app:0123456789ab "
                + "--build-arg \"BASE_IMAGE=app-base:debian12\" --build-arg \"VERSION=1.0.0\" --label \"team=web\" "
                + "--iidfile \"/repo/artifacts/image/image.id\" \"/repo/artifacts/image/publish\"",
                args);
        }

        [Fact]
        public void Progress_goes_only_to_BuildKit_because_the_legacy_builder_rejects_it()
        {
            var legacy = new DockerBuildSettings { Progress = "plain", BuildKit = false };
            var buildKit = new DockerBuildSettings { Progress = "plain", BuildKit = true, Pull = true, NoCache = true };

            Assert.Equal("build \"/ctx\"", DockerImageBuilder.GetArguments(new DirectoryPath("/ctx"), legacy).Render());
            Assert.Equal("build --pull --no-cache --progress plain \"/ctx\"", DockerImageBuilder.GetArguments(new DirectoryPath("/ctx"), buildKit).Render());
        }

        [Fact]
        public void A_config_directory_is_a_global_option_before_the_command()
        {
            var settings = new DockerBuildSettings { ConfigDirectory = new DirectoryPath("/tmp/docker-config") };

            Assert.Equal("--config \"/tmp/docker-config\" build \"/ctx\"", DockerImageBuilder.GetArguments(new DirectoryPath("/ctx"), settings).Render());
        }
    }

    [Theory]
    [InlineData(false, "0")]
    [InlineData(true, "1")]
    public void Build_selects_the_builder_through_DOCKER_BUILDKIT(bool buildKit, string expected)
    {
        _fixture.ProcessRunner.Returns(0, "Successfully built 0123456789ab");

        _fixture.Builder().Build(new DirectoryPath("/ctx"), new DockerBuildSettings { BuildKit = buildKit });

        Assert.Equal(expected, _fixture.ProcessRunner.LastSettings.EnvironmentVariables["DOCKER_BUILDKIT"]);
    }

    [Fact]
    public void Build_returns_the_image_id_docker_wrote_to_the_iidfile()
    {
        var idFile = _fixture.TempPath("image.id");
        File.WriteAllText(idFile, "sha256:abc\n");
        _fixture.ProcessRunner.Returns(0, "Successfully built abc");

        var id = _fixture.Builder().Build(new DirectoryPath("/ctx"), new DockerBuildSettings { ImageIdFile = new FilePath(idFile) });

        Assert.Equal("sha256:abc", id);
    }

    [Fact]
    public void Build_failure_is_one_line_with_docker_last_words()
    {
        _fixture.ProcessRunner.Returns(1, "Step 1/3 : FROM nothing:here", "pull access denied for nothing, repository does not exist", "");

        var error = Assert.Throws<CakeException>(() => _fixture.Builder().Build(new DirectoryPath("/ctx"), new DockerBuildSettings()));

        Assert.Equal("docker build failed (exit code 1): pull access denied for nothing, repository does not exist", error.Message);
    }
}

using System.Text;
using System.Text.Json;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Tools.Docker;

/// <summary>The wrapper against the real docker CLI and engine: what the fake runner cannot show.</summary>
[Collection(DockerEngineGroup.Name)]
[Integration("docker engine and the registry on 127.0.0.1:5000")]
public sealed class DockerEngineTests(DockerEngineFixture docker) : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("build-tests-docker-config-").FullName;

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public void Login_hands_the_password_to_docker_through_standard_input()
    {
        docker.RequireRegistry();
        const string password = "stdin-only-password-4f1c";

        docker.Context.DockerLogin(DockerEngineFixture.Registry, password, new DockerLoginSettings { Username = "ci", ConfigDirectory = new DirectoryPath(_config) });

        // docker stored what it read from stdin; nothing else could have given it the password.
        using var config = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(_config, "config.json")));
        var auth = config.RootElement.GetProperty("auths").GetProperty(DockerEngineFixture.Registry).GetProperty("auth").GetString();
        Assert.Equal($"ci:{password}", Encoding.UTF8.GetString(Convert.FromBase64String(auth!)));
        Assert.DoesNotContain(password, docker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_push_to_a_registry_that_refuses_connections_is_retried_then_fails_in_one_line()
    {
        var baseImage = docker.BaseImage();
        var target = $"127.0.0.1:{DockerEngineFixture.FreePort()}/build-tests/retry-{docker.RunId}:1";
        docker.Track(target);
        docker.Context.DockerTag(baseImage.Reference, target);

        var error = Assert.Throws<CakeException>(() => docker.Context.DockerPush(target, new DockerPushSettings { MaxAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(100) }));

        Assert.StartsWith($"docker push {target} failed after 2 attempts: ", error.Message, StringComparison.Ordinal);
        Assert.True(PushRetryPolicy.IsTransient([error.Message]), error.Message);
    }

    [Fact]
    public void Inspecting_a_missing_image_gives_null()
    {
        docker.RequireEngine();

        Assert.Null(docker.Context.DockerImageInspect($"build-tests/missing-{docker.RunId}:1"));
    }

    [Fact]
    public void The_legacy_builder_s_output_is_one_line_per_step_and_a_failing_step_is_shown_whole()
    {
        docker.RequireEngine();
        var folder = Directory.CreateTempSubdirectory("build-tests-legacy-").FullName;
        try
        {
            File.WriteAllText(System.IO.Path.Combine(folder, "hello.txt"), "hello\n");
            File.WriteAllText(System.IO.Path.Combine(folder, "Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\nLABEL step=three\n");
            var built = $"build-tests/legacy-{docker.RunId}:1";
            docker.Track(built);
            var before = docker.Output.Length;

            docker.Context.DockerBuild(new DirectoryPath(folder), new DockerBuildSettings { Tags = { built }, BuildKit = false });

            var lines = docker.Output[before..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(3, lines.Length);
            Assert.Matches(@"^Step 1/3 : FROM scratch \(\d+\.\ds\)$", lines[0]);
            Assert.Matches(@"^Step 2/3 : COPY hello.txt /hello.txt \(\d+\.\ds\)$", lines[1]);
            Assert.Matches(@"^Step 3/3 : LABEL step=three \(\d+\.\ds\)$", lines[2]);

            // scratch has no shell: the RUN step fails, and everything it printed is shown.
            File.AppendAllText(System.IO.Path.Combine(folder, "Dockerfile"), "RUN echo never\n");
            before = docker.Output.Length;
            var error = Assert.Throws<CakeException>(() => docker.Context.DockerBuild(new DirectoryPath(folder), new DockerBuildSettings { BuildKit = false }));

            var failed = docker.Output[before..];
            Assert.Contains("Step 4/4 : RUN echo never\n", failed, StringComparison.Ordinal);
            Assert.Contains(" ---> Running in ", failed, StringComparison.Ordinal);
            Assert.StartsWith("docker build failed (exit code ", error.Message, StringComparison.Ordinal);
            Assert.Contains(error.Message[(error.Message.IndexOf("): ", StringComparison.Ordinal) + 3)..], failed, StringComparison.Ordinal);
            Assert.DoesNotContain("DEPRECATED", docker.Output[before..], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Diagnostics;
using Build.Stages.Image;
using Build.Tests.Support;
using Build.Tools.Docker;

namespace Build.Tests.Stages.Image;

/// <summary>
/// The image stages against the real docker engine (legacy builder, no pulls): the air-gapped base, the app image from
/// the host publish, running it, layer reuse, and the offline policy on a real compliant and a real bad image.
/// </summary>
[Collection(DockerEngineGroup.Name)]
[Integration("docker engine")]
public sealed class ImageEngineTests(DockerEngineFixture docker)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_base_image_is_a_small_debian_root_fs_with_user_app_and_is_kept_when_unchanged()
    {
        var first = docker.BaseImage();

        var second = BaseImageBuilder.Build(docker.Context, docker.Paths.BaseImageWork, docker.Paths.BasePackagesFile, first.Reference);

        Assert.True(second.Reused, "an unchanged base was imported again");
        Assert.Equal(first.Id, second.Id);
        Assert.InRange(second.SizeMegabytes, 5, 40);
        Assert.Contains(second.Packages, package => package.StartsWith("libssl3 ", StringComparison.Ordinal));
        var image = docker.Context.DockerImageInspect(second.Reference);
        Assert.NotNull(image);
        Assert.Single(image.RootFs.Layers);
        Assert.Contains("APP_UID=1654", image.Config.Environment);
    }

    [Fact]
    public void The_app_image_from_prebuilt_output_runs_as_uid_1654_and_is_healthy()
    {
        var image = docker.BuildAppImage($"build-tests/app-{docker.RunId}", ["1.2.3-test"]);
        var details = docker.Context.DockerImageInspect(image.Id);
        Assert.NotNull(details);
        Assert.Equal("1654:1654", details.Config.User);
        Assert.Equal(["CMD", "/app/App", "healthcheck"], details.Config.Healthcheck?.Test);
        Assert.Equal("1.2.3-test", details.Config.LabelsOrEmpty[OciLabels.Version]);
        Assert.DoesNotContain(details.RepoTags, tag => tag.EndsWith(":latest", StringComparison.Ordinal));

        var container = $"build-tests-{docker.RunId}-run";
        var port = DockerEngineFixture.FreePort();
        try
        {
            var (started, startOutput) = DockerEngineFixture.Docker("run", "--detach", "--name", container, "--publish", $"127.0.0.1:{port}:8080", "--health-interval", "1s", image.Id);
            Assert.True(started == 0, startOutput);

            var body = WaitForHealthEndpoint(port);
            Assert.Contains("Healthy", body, StringComparison.Ordinal);
            Assert.Equal("healthy", WaitForDockerHealth(container));

            // The process itself, as the host's ps sees it (the image has no 'id' binary to ask inside).
            var (_, processes) = DockerEngineFixture.Docker("top", container, "-o", "pid,uid");
            var uids = processes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).ToList();
            Assert.True(uids.Count > 0 && uids.All(uid => uid == "1654"), processes);
        }
        finally
        {
            DockerEngineFixture.Docker("rm", "--force", container);
        }
    }

    [Fact]
    public void A_rebuild_after_an_app_only_change_reuses_the_base_and_runtime_layers()
    {
        var repository = $"build-tests/layers-{docker.RunId}";
        var first = docker.BuildAppImage(repository, ["1"]);
        docker.Republish("1.2.4-test");

        var second = docker.BuildAppImage(repository, ["2"]);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Layers.Count, second.Layers.Count);
        Assert.Equal(first.Layers.Take(first.Layers.Count - 1), second.Layers.Take(second.Layers.Count - 1));
        Assert.NotEqual(first.Layers[^1], second.Layers[^1]);
    }

    [Fact]
    public void The_policy_passes_the_real_app_image_and_lists_every_problem_of_a_bad_one()
    {
        var good = docker.BuildAppImage($"build-tests/policy-{docker.RunId}", ["1.2.3-test"]);
        var bad = BuildBadImage();

        var goodResult = Evaluate(good.Id);
        var badResult = Evaluate(bad);

        Assert.True(goodResult.Passed, goodResult.FailureMessage);
        Assert.InRange(goodResult.Size.CompressedMegabytes, 20, 120);
        Assert.True(goodResult.Size.UncompressedBytes > goodResult.Size.CompressedBytes);
        Assert.Equal(["IMG001", "IMG002", "IMG003", "IMG004", "IMG005", "IMG007"], badResult.Violations.Select(violation => violation.Rule.Id).Distinct());
        Assert.DoesNotContain("hunter2hunter2", badResult.FailureMessage, StringComparison.Ordinal);
    }

    private ImagePolicyResult Evaluate(string image)
    {
        var details = docker.Context.DockerImageInspect(image);
        Assert.NotNull(details);
        var saved = Path.Combine(docker.Artifacts, $"save-{Guid.NewGuid():N}.tar");
        try
        {
            docker.Context.DockerSave(details.Id, new Cake.Core.IO.FilePath(saved));
            var size = new ImageSize(details.Size, CompressedSize.OfSavedImage(saved));
            return ImagePolicy.Evaluate(details, docker.Context.DockerImageHistory(details.Id), size, 120);
        }
        finally
        {
            File.Delete(saved);
        }
    }

    // Root, a secret in ENV and in a build argument used by a RUN-less history, no labels, no health check, tagged latest.
    private string BuildBadImage()
    {
        var context = Directory.CreateDirectory(Path.Combine(docker.Artifacts, "bad-" + docker.RunId)).FullName;
        File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {docker.BaseImage().Reference}\nARG NPM_TOKEN=npm_abcdef0123456789\nENV DB_PASSWORD=hunter2hunter2\n");
        var reference = $"build-tests/bad-{docker.RunId}:latest";
        docker.Track(reference);
        var settings = new DockerBuildSettings { BuildKit = false };
        settings.Tags.Add(reference);
        docker.Context.DockerBuild(new Cake.Core.IO.DirectoryPath(context), settings);
        return reference;
    }

    private static string WaitForHealthEndpoint(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = http.GetAsync(new Uri($"http://127.0.0.1:{port}/health")).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                Assert.Fail($"The container did not answer /health on port {port} within {StartTimeout.TotalSeconds} s.");
            }

            Thread.Sleep(200);
        }
    }

    private static string WaitForDockerHealth(string container)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var (_, status) = DockerEngineFixture.Docker("inspect", "--format", "{{.State.Health.Status}}", container);
            if (status.Trim() is "healthy" or "unhealthy" || deadline.Elapsed > StartTimeout)
            {
                return status.Trim();
            }

            Thread.Sleep(250);
        }
    }
}

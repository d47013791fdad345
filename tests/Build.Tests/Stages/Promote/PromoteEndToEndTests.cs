using System.Text.Json;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tests.Tools.Registry;

namespace Build.Tests.Stages.Promote;

/// <summary>
/// <c>./build.sh --target Promote --environment staging --from dev</c>, then <c>--target Deploy --exclusive</c>, as a
/// release job runs them: the copy is read back from both repositories of the real registry, the recording proxy
/// shows which blobs went across, and each refusal happens before anything is written to the target.
/// </summary>
[Integration("docker-registry")]
public sealed class PromoteEndToEndTests : IDisposable
{
    private readonly PromoteScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void Promote_copies_the_digest_sends_only_missing_layers_gates_the_scan_and_its_record_feeds_Deploy()
    {
        var image = _scenario.PushedTo("app-dev");
        image.WriteTo(_scenario.Client, _scenario.Registry.Address, "app-staging", [], only: [image.Layers[0]]);
        _scenario.Staging.ScanOnPush = () => new FakeEcrScan { PendingPolls = 1, Findings = [new("CVE-2026-5555", "LOW", "zlib1g", "1.2.13")] };

        var run = _scenario.Promote("staging", "--from", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var source = SyntheticImage.Read(_scenario.Client, _scenario.Registry.Address, "app-dev", PromoteScenario.Version)!.Value;
        var copy = SyntheticImage.Read(_scenario.Client, _scenario.Registry.Address, "app-staging", PromoteScenario.Version)!.Value;
        Assert.Equal(image.Digest, copy.Digest);
        Assert.Equal(source.Bytes, copy.Bytes);
        Assert.Equal(image.Digest, SyntheticImage.Read(_scenario.Client, _scenario.Registry.Address, "app-staging", _scenario.ShortCommit)!.Value.Digest);
        Assert.Empty(_scenario.Proxy.WritesOf("app-staging", image.Layers[0].Digest));
        Assert.All([image.Config, image.Layers[1], image.Layers[2]], blob => Assert.Single(_scenario.Proxy.WritesOf("app-staging", blob.Digest)));
        Assert.Contains($"Copied {_scenario.Proxy.Address}/app-staging@{image.Digest}: digest identical in staging; 0 blobs uploaded (0.0 MB), 3 mounted from the source repository, 1 already there.", run.Output, StringComparison.Ordinal);
        Assert.Contains("ECR scan in staging: 1 vulnerability (1 LOW)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeEcr.RegistryPassword, run.All, StringComparison.Ordinal);

        using var record = JsonDocument.Parse(File.ReadAllText(_scenario.Build.Path("artifacts", "image", "pushed-staging.json")));
        var reference = $"{_scenario.Proxy.Address}/app-staging@{image.Digest}";
        Assert.Equal(reference, record.RootElement.GetProperty("reference").GetString());
        Assert.Equal(_scenario.Commit, record.RootElement.GetProperty("commit").GetString());
        Assert.Equal("dev", record.RootElement.GetProperty("promotedFrom").GetProperty("environment").GetString());
        Assert.Equal($"{_scenario.Proxy.Address}/app-dev@{image.Digest}", record.RootElement.GetProperty("promotedFrom").GetProperty("reference").GetString());

        var deploy = _scenario.Deploy("staging");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains($"the image was promoted from dev by digest ({_scenario.Proxy.Address}/app-dev@{image.Digest})", deploy.Output, StringComparison.Ordinal);
        using var deployed = JsonDocument.Parse(File.ReadAllText(_scenario.Build.Path("artifacts", "deploy", "staging.json")));
        Assert.Equal(reference, deployed.RootElement.GetProperty("image").GetString());
    }

    [Fact]
    public void A_second_promotion_of_the_same_image_writes_nothing_and_records_it_again()
    {
        _scenario.PushedTo("app-dev");
        Assert.True(_scenario.Promote("staging").ExitCode == 0);
        var writes = _scenario.WritesTo("app-staging").Count;

        var again = _scenario.Promote("staging");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"tags {PromoteScenario.Version}, {_scenario.ShortCommit} ({PromoteScenario.Version}, {_scenario.ShortCommit} already there)", again.Output, StringComparison.Ordinal);
        Assert.Equal(writes, _scenario.WritesTo("app-staging").Count);
        Assert.True(File.Exists(_scenario.Build.Path("artifacts", "image", "pushed-staging.json")));
    }

    [Fact]
    public void An_image_of_another_commit_is_refused_before_anything_is_written()
    {
        _scenario.PushedTo("app-dev", revision: new string('7', 40));

        var run = _scenario.Promote("staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"in dev was built from commit 777777777777, not from HEAD {_scenario.ShortCommit}", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_scenario.WritesTo("app-staging"));
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "image", "pushed-staging.json")));
    }

    [Fact]
    public void An_image_built_from_a_dirty_tree_is_refused()
    {
        _scenario.PushedTo("app-dev", revision: _scenario.Commit + "-dirty");

        var run = _scenario.Promote("staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("was built from a tree with uncommitted changes", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_scenario.WritesTo("app-staging"));
    }

    [Fact]
    public void No_image_of_this_version_in_the_source_is_refused_saying_what_to_deploy_first()
    {
        var run = _scenario.Promote("staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"holds no image tagged {PromoteScenario.Version} (this commit's version)", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("./build.sh --target Deploy --environment dev", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_tag_holding_another_image_in_the_target_is_never_overwritten()
    {
        _scenario.PushedTo("app-dev");
        var other = _scenario.PushedTo("app-staging", tags: [PromoteScenario.Version]);
        var before = _scenario.WritesTo("app-staging").Count;

        var run = _scenario.Promote("staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"app-staging:{PromoteScenario.Version} already exists with digest {other.Digest}, a different image", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(before, _scenario.WritesTo("app-staging").Count);
        Assert.Equal(other.Digest, SyntheticImage.Read(_scenario.Client, _scenario.Registry.Address, "app-staging", PromoteScenario.Version)!.Value.Digest);
    }

    [Fact]
    public void A_blocking_finding_in_the_targets_scan_fails_and_leaves_no_record_for_Deploy()
    {
        _scenario.PushedTo("app-dev");
        _scenario.Staging.ScanOnPush = () => new FakeEcrScan { Findings = [new("CVE-2026-6666", "CRITICAL", "libc6", "2.36-9")] };

        var run = _scenario.Promote("staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is in staging's repository but is not recorded for deploy", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "image", "pushed-staging.json")));
        Assert.True(File.Exists(_scenario.Build.Path("artifacts", "promote", "staging", "ecr-scan.json")));
    }

    [Theory]
    [InlineData("--environment", "dev", "dev is where images enter")]
    [InlineData("--environment", "local", "Promote copies an image between cloud environments")]
    [InlineData("--from", "dev", "--from dev: prod takes images from staging only (dev → staging → prod)")]
    public void A_promotion_that_skips_or_leaves_the_chain_exits_2_before_ECR_is_asked(string option, string value, string message)
    {
        var arguments = option == "--from" ? new[] { "--target", "Promote", "--environment", "prod", "--from", value, "--approve" } : ["--target", "Promote", option, value];
        _scenario.Build.Environment["AWS_ACCESS_KEY_ID"] = FakeEcr.AccessKey;
        _scenario.Build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeEcr.SecretKey;

        var run = _scenario.Build.Run(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_scenario.Ecr.Requests);
    }

    [Fact]
    public void Promoting_to_prod_in_CI_without_approval_exits_2_before_ECR_is_asked()
    {
        _scenario.Build.Environment["CI"] = "true";

        var run = _scenario.Promote("prod");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Promoting to prod needs approval: pass --approve", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_scenario.Ecr.Requests);
    }

    [Fact]
    public void A_promoted_record_of_another_commit_is_not_deployed()
    {
        _scenario.PushedTo("app-dev");
        Assert.True(_scenario.Promote("staging").ExitCode == 0);
        File.WriteAllText(_scenario.Build.Path("README.md"), "a later commit\n");
        TempGitRepository.Run(_scenario.Build.Root, "add", "-A");
        TempGitRepository.Run(_scenario.Build.Root, "-c", "user.email=tests@example.invalid", "-c", "user.name=Build Tests", "commit", "--quiet", "-m", "later");

        var deploy = _scenario.Deploy("staging");

        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains($"is of commit {_scenario.ShortCommit}, this checkout is", deploy.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_scenario.Deploys.Ecs.Requests);
    }
}

using System.Globalization;
using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

public sealed class SecretRedactionTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public static TheoryData<string, string> SecretsAndVerbosities()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "REGISTRY_PASSWORD" })
        {
            foreach (var verbosity in new[] { "quiet", "minimal", "normal", "verbose", "diagnostic" })
            {
                data.Add(name, verbosity);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SecretsAndVerbosities))]
    public void A_secret_in_the_environment_never_appears_in_the_output_or_the_artifacts(string name, string verbosity)
    {
        var canary = NewCanary();
        _build.Environment[name] = canary;

        var run = _build.Run("--target", "Version", "--verbosity", verbosity);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(canary, run.All, StringComparison.Ordinal);
        var artifacts = _build.ReadArtifacts();
        Assert.Contains(artifacts.Keys, file => file.EndsWith("build-report.json", StringComparison.Ordinal));
        foreach (var (file, text) in artifacts)
        {
            Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{file} contains the secret value of {name}.");
        }

        if (verbosity == "diagnostic")
        {
            // The environment is logged at diagnostic verbosity: the value was printed, and redacted.
            Assert.True(run.OutputLines.Contains($"env {name}=***"), run.ToString());
        }
    }

    [Fact]
    public void A_secret_passed_as_an_argument_is_refused_in_one_line_that_never_shows_it()
    {
        var canary = NewCanary();

        var run = _build.Run("--target", "Version", "--verbosity", "diagnostic", "--registry-password", canary);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown parameter --registry-password: secrets are never passed on the command line", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, run.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_build.Artifacts), "a refused command line left artifacts behind");
    }

    public void Dispose() => _build.Dispose();

    private static string NewCanary() => "canary-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}

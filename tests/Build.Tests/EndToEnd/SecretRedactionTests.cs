using System.Globalization;

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
    public void A_secret_passed_as_an_argument_never_appears_in_the_output_or_the_report()
    {
        var canary = NewCanary();

        var run = _build.Run("--target", "Version", "--verbosity", "diagnostic", "--registry-password", canary);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(canary, run.All, StringComparison.Ordinal);
        var report = File.ReadAllText(Path.Combine(_build.Artifacts, "build-report.json"));
        Assert.DoesNotContain(canary, report, StringComparison.Ordinal);
        // The argument is recorded, so the value went through redaction rather than being left out.
        Assert.Contains("\"registry-password\": \"***\"", report, StringComparison.Ordinal);
        foreach (var (file, text) in _build.ReadArtifacts())
        {
            Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{file} contains the secret argument.");
        }
    }

    public void Dispose() => _build.Dispose();

    private static string NewCanary() => "canary-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}

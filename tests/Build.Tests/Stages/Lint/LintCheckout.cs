using Build.Tests.Core.Checkout;
using Build.Tests.Stages.Accessibility;
using Build.Tests.Support;

namespace Build.Tests.Stages.Lint;

/// <summary>A fixture repository Lint passes on: the checkout fixture plus what the rest of Lint reads (shellcheck's scripts, the CI files), committed.</summary>
public static class LintCheckout
{
    public static void Prepare(BuildProcess build)
    {
        ArgumentNullException.ThrowIfNull(build);
        File.Copy(Path.Combine(Repository.Root, "build.sh"), build.Path("build.sh"));
        Directory.CreateDirectory(build.Path(".ci"));
        File.Copy(Path.Combine(Repository.Root, ".ci", "run"), build.Path(".ci", "run"));
        CheckoutRepository.Init(build);
        Assert.True(build.Run("--target", "CiFiles").ExitCode == 0);
        Commit(build, "CI files");
    }

    /// <summary>Commits everything; returns the new HEAD.</summary>
    public static string Commit(BuildProcess build, string message)
    {
        ArgumentNullException.ThrowIfNull(build);
        TempGitRepository.Run(build.Root, "add", "--all");
        TempGitRepository.Run(build.Root, "-c", "user.email=tests@example.invalid", "-c", "user.name=Build Tests", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", message);
        return TempGitRepository.Run(build.Root, "rev-parse", "HEAD");
    }
}

using Build.Tests.Support;

namespace Build.Tests.Core.Checkout;

/// <summary>Clean through the real build app: it deletes what the build made and never state.</summary>
public sealed class CleanTargetTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public CleanTargetTests() => CheckoutRepository.Init(_build);

    public void Dispose() => _build.Dispose();

    [Fact]
    public void Clean_deletes_the_outputs_and_the_earlier_ones_but_never_terraform_state()
    {
        Write(".build/terraform/state/dev.tfstate", "{\"serial\": 7}");
        Write("artifacts/terraform/dev/errored.tfstate", "{\"serial\": 8}");
        Write("artifacts/terraform/dev/plan.json", "{}");
        Write("artifacts/coverage/index.html", "<html/>");
        Write("artifacts/image/pushed-local.json", "{}");
        Write(".build/previous/artifacts/summary.md", "older");

        var run = _build.Run("--target", "Clean");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("{\"serial\": 7}", Read(".build/terraform/state/dev.tfstate"));
        Assert.Equal("{\"serial\": 8}", Read("artifacts/terraform/dev/errored.tfstate"));
        Assert.Contains($"Kept {_build.Path("artifacts", "terraform", "dev", "errored.tfstate")}: terraform state Apply could not save.", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_build.Path("artifacts", "terraform", "dev", "plan.json")), run.ToString());
        Assert.False(Directory.Exists(_build.Path("artifacts", "coverage")), run.ToString());
        Assert.False(Directory.Exists(_build.Path("artifacts", "image")), run.ToString());
        Assert.False(Directory.Exists(_build.Path(".build", "previous", "artifacts")), run.ToString());
        Assert.True(File.Exists(_build.Path("src", "Program.cs")));
        Assert.True(File.Exists(_build.Path(".git", "HEAD")));
    }

    private void Write(string path, string text)
    {
        var file = _build.Path(path.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    private string Read(string path) => File.ReadAllText(_build.Path(path.Split('/')));
}

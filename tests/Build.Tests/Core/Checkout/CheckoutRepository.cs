using System.Diagnostics;
using Build.Tests.Support;

namespace Build.Tests.Core.Checkout;

/// <summary>Makes a <see cref="BuildProcess"/> root a real git checkout: a valid empty App.sln, the project's ignores, tracked src/ and docs/.</summary>
public static class CheckoutRepository
{
    /// <summary>A solution with no project: dotnet clean and restore accept it and do nothing.</summary>
    public const string EmptySolution = "Microsoft Visual Studio Solution File, Format Version 12.00\nGlobal\nEndGlobal\n";

    public static void Init(BuildProcess build)
    {
        ArgumentNullException.ThrowIfNull(build);
        File.WriteAllText(build.Path("App.sln"), EmptySolution);
        File.WriteAllText(build.Path(".gitignore"), "artifacts/\n.build/\nout/\n");
        Directory.CreateDirectory(build.Path("src"));
        File.WriteAllText(build.Path("src", "Program.cs"), "// the app\n");
        Directory.CreateDirectory(build.Path("docs"));
        File.WriteAllText(build.Path("docs", "guide.md"), "# guide\n");
        Git(build.Root, "init", "--quiet", "--initial-branch=main");
        Git(build.Root, "add", "--all");
        Git(build.Root, "-c", "user.email=tests@example.invalid", "-c", "user.name=Build Tests", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "checkout");
    }

    private static void Git(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error.Result}");
    }
}

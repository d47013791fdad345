using Build.Tools.Machine;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>
/// A folder to be the build's whole PATH: links to the real dotnet and git (all a build needs to start), and scripts
/// standing in for other tools. Every tool the build looks for on PATH and does not find here is missing.
/// </summary>
public sealed class FakeBin : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("build-fake-bin-");

    public FakeBin()
    {
        Link("dotnet");
        Link("git");
    }

    /// <summary>Gets the folder: the PATH of the build under test.</summary>
    public string Path => _folder.FullName;

    /// <summary>Links <paramref name="tool"/> from the test's own PATH; a tool that is not there fails the test.</summary>
    public void Link(string tool)
    {
        var real = ExecutableSearch.Find(tool, Environment.GetEnvironmentVariable("PATH"));
        Assert.True(real is not null, $"'{tool}' is not on this machine's PATH: the test links it into the build's PATH.");
        var target = new FileInfo(real).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? real;
        File.CreateSymbolicLink(System.IO.Path.Combine(Path, tool), target);
    }

    /// <summary>Writes an executable /bin/sh script named <paramref name="tool"/> (PATH is this folder only: give commands by full path).</summary>
    public string Script(string tool, string body)
    {
        var path = System.IO.Path.Combine(Path, tool);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

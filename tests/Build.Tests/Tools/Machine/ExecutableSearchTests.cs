using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class ExecutableSearchTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("executable-search-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void The_first_folder_of_PATH_holding_an_executable_wins_and_files_that_cannot_run_are_passed_over()
    {
        var first = Folder("first");
        var second = Folder("second");
        File.WriteAllText(Path.Combine(first, "tool"), "not executable");
        var found = Executable(second, "tool");
        Executable(Folder("third"), "tool");

        var path = string.Join(Path.PathSeparator, first, "", second, Path.Combine(_root.FullName, "third"));

        Assert.Equal(found, ExecutableSearch.Find("tool", path));
        Assert.Null(ExecutableSearch.Find("other", path));
        Assert.Null(ExecutableSearch.Find("tool", null));
    }

    [Fact]
    public void Well_known_places_are_tried_after_PATH()
    {
        var sbin = Executable(Folder("sbin"), "dockerd");

        Assert.Equal(sbin, ExecutableSearch.Find("dockerd", Folder("bin"), [Path.Combine(_root.FullName, "nowhere", "dockerd"), sbin]));
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;

    private static string Executable(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}

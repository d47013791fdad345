using Build.Core.Incremental;
using Build.Tests.Support;

namespace Build.Tests.Core.Incremental;

/// <summary>The inputs hash: what changes it (a source file's content, a new file git would track, a value) and what does not (ignored files).</summary>
public sealed class TaskInputsTests : IDisposable
{
    private readonly TempGitRepository _repository = new();

    public TaskInputsTests()
    {
        File.WriteAllText(Path.Combine(_repository.Path, ".gitignore"), "out/\n");
        Directory.CreateDirectory(Path.Combine(_repository.Path, "src"));
        File.WriteAllText(Path.Combine(_repository.Path, "src", "App.cs"), "// app\n");
        _repository.Commit();
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void The_same_files_and_values_hash_the_same()
    {
        Assert.Equal(Hash(), Hash());
    }

    [Fact]
    public void A_changed_tracked_file_changes_the_hash()
    {
        var before = Hash();
        File.AppendAllText(Path.Combine(_repository.Path, "src", "App.cs"), "// more\n");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void A_new_untracked_file_counts_and_an_ignored_one_does_not()
    {
        var before = Hash();
        Directory.CreateDirectory(Path.Combine(_repository.Path, "out"));
        File.WriteAllText(Path.Combine(_repository.Path, "out", "build.log"), "ignored\n");
        Assert.Equal(before, Hash());

        File.WriteAllText(Path.Combine(_repository.Path, "src", "New.cs"), "// new\n");
        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void A_file_outside_the_given_paths_does_not_count_and_a_value_does()
    {
        var before = Hash();
        File.AppendAllText(Path.Combine(_repository.Path, "file.txt"), "elsewhere\n");
        Assert.Equal(before, Hash());

        Assert.NotEqual(before, Hash("Debug"));
    }

    [Fact]
    public void A_deleted_tracked_file_changes_the_hash()
    {
        var before = Hash();
        File.Delete(Path.Combine(_repository.Path, "src", "App.cs"));

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Outside_a_git_repository_the_hash_never_repeats()
    {
        var folder = Directory.CreateTempSubdirectory("build-tests-nogit-").FullName;
        try
        {
            Assert.NotEqual(new TaskInputs().Files(folder, ".").Hash(), new TaskInputs().Files(folder, ".").Hash());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Hash(string configuration = "Release") =>
        new TaskInputs().Files(_repository.Path, "src").Value("configuration", configuration).Hash();
}

using Build.Tests.Stages.Accessibility;

namespace Build.Tests;

/// <summary>The layering of build/Build (build/README.md): tools never see the build context, stages never see each other's tasks' internals through Core.</summary>
public sealed class ArchitectureTests
{
    private static readonly string BuildRoot = Path.Combine(Repository.Root, "build", "Build");

    [Fact]
    public void No_file_under_Tools_references_the_build_context()
    {
        var offenders = SourceFiles("Tools").Where(file => File.ReadAllText(file).Contains("BuildContext", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(SourceFiles("Tools"));
        Assert.True(offenders.Count == 0, "Tools/ must not use BuildContext (take settings and a cancellation token): " + string.Join(", ", offenders));
    }

    [Fact]
    public void Tools_do_not_reach_into_stages()
    {
        var offenders = SourceFiles("Tools").Where(file => File.ReadAllText(file).Contains("using Build.Stages", StringComparison.Ordinal)).ToList();

        Assert.True(offenders.Count == 0, "Tools/ must not depend on Stages/: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_base_layers_do_not_reach_into_stages()
    {
        var offenders = SourceFiles("Core").Concat(SourceFiles("Parameters"))
            .Where(file => File.ReadAllText(file).Contains("using Build.Stages", StringComparison.Ordinal))
            .ToList();

        Assert.True(offenders.Count == 0, "Core/ and Parameters/ must not depend on Stages/: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_task_lives_in_a_stage_folder_and_every_file_is_in_a_layer()
    {
        var tasks = SourceFiles("").Where(file => File.ReadAllText(file).Contains("[TaskName(", StringComparison.Ordinal)).ToList();
        var outsideLayers = SourceFiles("")
            .Select(file => Path.GetRelativePath(BuildRoot, file))
            .Where(relative => relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !new[] { "Core", "Parameters", "Stages", "Tools" }.Contains(relative.Split(Path.DirectorySeparatorChar)[0]))
            .ToList();

        Assert.NotEmpty(tasks);
        Assert.All(tasks, task => Assert.StartsWith(Path.Combine(BuildRoot, "Stages") + Path.DirectorySeparatorChar, task, StringComparison.Ordinal));
        Assert.Empty(outsideLayers);
    }

    private static List<string> SourceFiles(string folder) =>
        [.. Directory.EnumerateFiles(Path.Combine(BuildRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))];
}

using Cake.Frosting;

namespace Build.Tests.Host;

public sealed class TaskTimelineTests
{
    [Fact]
    public void The_critical_path_is_the_chain_of_dependencies_with_the_longest_total_duration()
    {
        var timeline = new TaskTimeline();
        timeline.Add(Entry("Prerequisites", 0, 2));
        timeline.Add(Entry("Lint", 2, 30, "Prerequisites"));
        timeline.Add(Entry("Compile", 2, 20, "Prerequisites"));
        timeline.Add(Entry("Test", 22, 100, "Compile"));
        timeline.Add(Entry("Push", 122, 5, "Lint", "Test"));

        Assert.Equal(["Prerequisites", "Compile", "Test", "Push"], timeline.CriticalPath().Select(entry => entry.Name));
        Assert.Equal(TimeSpan.FromSeconds(127), timeline.WallTime);
        Assert.Equal(TimeSpan.FromSeconds(157), timeline.TaskTime);
    }

    [Fact]
    public void An_empty_timeline_has_no_critical_path()
    {
        Assert.Empty(new TaskTimeline().CriticalPath());
        Assert.Equal(TimeSpan.Zero, new TaskTimeline().WallTime);
    }

    private static TaskTimelineEntry Entry(string name, int start, int seconds, params string[] dependencies) =>
        new(name, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(start + seconds), dependencies);
}

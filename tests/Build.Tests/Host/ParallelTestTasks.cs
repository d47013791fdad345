using Cake.Common.Diagnostics;
using Cake.Frosting;

namespace Build.Tests.Host;

/// <summary>
/// Two independent tasks that each wait (up to a minute) for the other to start: they both say "met" only when they
/// ran at the same time. Each prints three lines around the wait, to show its output stays in one block.
/// </summary>
public abstract class MeetingTask(string other) : FrostingTask<RecordingContext>
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    public override void Run(RecordingContext context)
    {
        var name = GetType().Name;
        context.Information("{0} line 1", name);
        context.Recorder.Add($"{name} started");
        context.Information("{0} line 2", name);
        var met = context.Recorder.WaitFor($"{other} started", Patience);
        context.Information("{0} line 3", name);
        context.Recorder.Add($"{name} {(met ? "met" : "alone")}");
    }
}

[TaskName(nameof(MeetsRight))]
public sealed class MeetsRight() : MeetingTask(nameof(MeetsLeft));

[TaskName(nameof(MeetsLeft))]
public sealed class MeetsLeft() : MeetingTask(nameof(MeetsRight));

[TaskName(nameof(AfterMeeting))]
[IsDependentOn(typeof(MeetsLeft))]
[IsDependentOn(typeof(MeetsRight))]
public sealed class AfterMeeting : RecordingTask;

/// <summary>Records its start and end around a short pause, so two runs that overlapped would interleave.</summary>
public abstract class SpanTask : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context)
    {
        var name = GetType().Name;
        context.Recorder.Add($"{name} start");
        Thread.Sleep(300);
        context.Recorder.Add($"{name} end");
    }
}

[TaskName(nameof(UsesDiskOne))]
[ExclusiveUse("disk")]
public sealed class UsesDiskOne : SpanTask;

[TaskName(nameof(UsesDiskTwo))]
[ExclusiveUse("disk")]
public sealed class UsesDiskTwo : SpanTask;

[TaskName(nameof(UsesNothing))]
public sealed class UsesNothing : SpanTask;

[TaskName(nameof(AfterDisks))]
[IsDependentOn(typeof(UsesDiskOne))]
[IsDependentOn(typeof(UsesDiskTwo))]
[IsDependentOn(typeof(UsesNothing))]
public sealed class AfterDisks : RecordingTask;

[TaskName(nameof(Publishes))]
[RunsAlone]
[IsDependentOn(typeof(UsesNothing))]
public sealed class Publishes : SpanTask;

/// <summary>Cake orders UsesDiskOne, UsesNothing, Publishes, UsesDiskTwo: Publishes must wait for UsesDiskOne though it does not depend on it.</summary>
[TaskName(nameof(ReleaseAll))]
[IsDependentOn(typeof(UsesDiskOne))]
[IsDependentOn(typeof(Publishes))]
[IsDependentOn(typeof(UsesDiskTwo))]
public sealed class ReleaseAll : RecordingTask;

[TaskName(nameof(FailsWhileOtherRuns))]
public sealed class FailsWhileOtherRuns : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context)
    {
        context.Recorder.WaitFor("SlowSibling start", MeetingTask.Patience);
        throw new InvalidOperationException("the lint found 3 problems");
    }
}

[TaskName(nameof(SlowSibling))]
public sealed class SlowSibling : SpanTask;

[TaskName(nameof(AfterSlowSibling))]
[IsDependentOn(typeof(SlowSibling))]
public sealed class AfterSlowSibling : RecordingTask;

[TaskName(nameof(FailureTarget))]
[IsDependentOn(typeof(FailsWhileOtherRuns))]
[IsDependentOn(typeof(AfterSlowSibling))]
public sealed class FailureTarget : RecordingTask;

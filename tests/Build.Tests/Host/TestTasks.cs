using Cake.Core;
using Cake.Frosting;

namespace Build.Tests.Host;

public sealed class RecordingContext(ICakeContext context, Recorder recorder) : FrostingContext(context)
{
    public Recorder Recorder { get; } = recorder;
}

public abstract class RecordingTask : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context) => context.Recorder.Add(GetType().Name);
}

[TaskName(nameof(First))]
public sealed class First : RecordingTask;

[TaskName(nameof(Second))]
[IsDependentOn(typeof(First))]
public sealed class Second : RecordingTask;

[TaskName(nameof(Third))]
[TaskDescription("Depends on Second; Helper hooks itself in as a dependee.")]
[IsDependentOn(typeof(Second))]
public sealed class Third : RecordingTask;

[TaskName(nameof(Helper))]
[IsDependeeOf(typeof(Third))]
public sealed class Helper : RecordingTask;

[TaskName(nameof(SkippedByCriteria))]
public sealed class SkippedByCriteria : RecordingTask
{
    public override List<CakeTaskCriteria> ShouldRunCriteria =>
        [new CakeTaskCriteria(_ => false, "No registry configured here")];
}

[TaskName(nameof(SkippedByShouldRun))]
public sealed class SkippedByShouldRun : RecordingTask
{
    public override string SkippedMessage => "Not a tagged release";

    public override bool ShouldRun(RecordingContext context) => false;
}

[TaskName(nameof(AfterSkipped))]
[IsDependentOn(typeof(SkippedByCriteria))]
[IsDependentOn(typeof(SkippedByShouldRun))]
public sealed class AfterSkipped : RecordingTask;

[TaskName(nameof(Failing))]
public sealed class Failing : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context) => throw new InvalidOperationException("the image is unhealthy");

    public override void Finally(RecordingContext context) => context.Recorder.Add("Finally");
}

/// <summary>As in Cake, an OnError handler handles the failure: the graph goes on unless the handler throws.</summary>
[TaskName(nameof(FailingHandled))]
public sealed class FailingHandled : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context) => throw new InvalidOperationException("the scan timed out");

    public override void OnError(Exception exception, RecordingContext context) => context.Recorder.Add("OnError:" + exception.Message);

    public override void Finally(RecordingContext context) => context.Recorder.Add("Finally");
}

[TaskName(nameof(AfterHandled))]
[IsDependentOn(typeof(FailingHandled))]
public sealed class AfterHandled : RecordingTask;

/// <summary>An OnError handler that rethrows: the task fails after the handler ran.</summary>
[TaskName(nameof(FailingRethrown))]
public sealed class FailingRethrown : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context) => throw new InvalidOperationException("the push was rejected");

    public override void OnError(Exception exception, RecordingContext context)
    {
        context.Recorder.Add("OnError");
        throw new InvalidOperationException("push failed and was reported", exception);
    }
}

[TaskName(nameof(AfterFailure))]
[IsDependentOn(typeof(Failing))]
public sealed class AfterFailure : RecordingTask;

[TaskName(nameof(Tolerated))]
[ContinueOnError]
public sealed class Tolerated : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context) => throw new InvalidOperationException("flaky but tolerated");
}

[TaskName(nameof(AfterTolerated))]
[IsDependentOn(typeof(Tolerated))]
public sealed class AfterTolerated : RecordingTask;

[TaskName(nameof(AsyncWork))]
public sealed class AsyncWork : AsyncFrostingTask<RecordingContext>
{
    public override async Task RunAsync(RecordingContext context)
    {
        await Task.Yield();
        context.Recorder.Add(nameof(AsyncWork));
    }
}

[TaskName(nameof(ReadsArguments))]
public sealed class ReadsArguments : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context)
    {
        foreach (var (name, values) in context.Arguments.GetArguments().OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            context.Recorder.Add($"{name}={string.Join('|', values)}");
        }
    }
}

[TaskName(nameof(UsageFailure))]
public sealed class UsageFailure : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context) => throw new CakeException(2, "Invalid --environment 'moon'.");
}

/// <summary>Fails with a message far longer than a line (a list of 50,000 problems).</summary>
public sealed class FailingAtLength : FrostingTask<RecordingContext>
{
    public const int Problems = 50_000;

    public override void Run(RecordingContext context) =>
        throw new InvalidOperationException("the file is invalid: " + string.Join("; ", Enumerable.Range(1, Problems).Select(n => $"entry {n} is wrong")));
}

/// <summary>Prints nothing for a while: the heartbeat speaks for it.</summary>
[TaskName(nameof(Quiet))]
public sealed class Quiet : FrostingTask<RecordingContext>
{
    public override void Run(RecordingContext context) => Thread.Sleep(TimeSpan.FromMilliseconds(2000));
}

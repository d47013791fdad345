using Cake.Core;
using Cake.Frosting;

namespace Build.Tests.Host;

/// <summary>Records the plan it is given; with <c>--refuse</c> it fails as a build's precondition would (exit 3), with <c>--refuse-at-length</c> in a long line.</summary>
public sealed class RecordingPreflight : FrostingPreflight<RecordingContext>
{
    public override async Task RunAsync(RecordingContext context, IReadOnlyList<Type> tasks, CancellationToken cancellation)
    {
        await Task.Yield();
        context.Recorder.Add("Preflight: " + string.Join(", ", tasks.Select(task => task.Name)));
        if (context.Arguments.HasArgument("refuse"))
        {
            throw new CakeException(3, "the registry does not answer");
        }

        if (context.Arguments.HasArgument("refuse-at-length"))
        {
            throw new CakeException(3, "the registry does not answer: " + string.Join("; ", Enumerable.Range(1, 100).Select(n => $"attempt {n} timed out")));
        }
    }
}

/// <summary>Records Setup and Teardown, to show what a preflight runs before.</summary>
public sealed class RecordingLifetime : FrostingLifetime<RecordingContext>
{
    public override void Setup(RecordingContext context, ISetupContext info) => context.Recorder.Add("Setup");

    public override void Teardown(RecordingContext context, ITeardownContext info) => context.Recorder.Add("Teardown");
}

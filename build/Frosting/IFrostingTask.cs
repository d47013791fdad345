using Cake.Core;

namespace Cake.Frosting;

/// <summary>A unit of work in the graph.</summary>
public interface IFrostingTask
{
    /// <summary>Gets the criteria, each with the reason reported when it skips the task.</summary>
    IReadOnlyList<CakeTaskCriteria> ShouldRunCriteria { get; }

    /// <summary>Gets the reason reported when <see cref="ShouldRun"/> returns false.</summary>
    string SkippedMessage { get; }

    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);
}

using System.Diagnostics;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Scheduling;

/// <summary>Running the plan: the scheduling loop, and each task's lifecycle as Cake runs it (criteria, task setup, execute, error handling, finally, teardown, report).</summary>
internal sealed partial class ScheduledEngine
{
    private readonly Lock _reportGate = new();

    private async Task<CakeReport> RunPlanAsync(ICakeContext context, IExecutionStrategy strategy, IReadOnlyList<ScheduledTask> plan, CakeTask target, int parallelism)
    {
        var schedule = new TaskSchedule(plan, parallelism);
        var report = new CakeReport();
        var running = new Dictionary<Task<Exception?>, ScheduledTask>();
        Exception? failure = null;
        timeline.Begin();
        while (true)
        {
            while (schedule.TakeNext() is { } next)
            {
                var isTarget = ReferenceEquals(next.Task, target);
                running.Add(Task.Run(() => RunTaskAsync(context, strategy, next, isTarget, report)), next);
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(running.Keys);
            var task = running[finished];
            running.Remove(finished);
            var error = await finished;
            schedule.Finished(task.Name, error is not null);
            failure ??= error;
        }

        if (failure is not null)
        {
            throw new CakeReportException(report, failure.Message, failure);
        }

        if (schedule.NotStarted.Any())
        {
            throw new InvalidOperationException($"The scheduler could not start {string.Join(", ", schedule.NotStarted.Select(task => task.Name))}: a dependency cycle or a resource held forever.");
        }

        return report;
    }

    // Never throws: the task's failure is returned, so the loop can let the other running tasks finish first.
    private async Task<Exception?> RunTaskAsync(ICakeContext context, IExecutionStrategy strategy, ScheduledTask scheduled, bool isTarget, CakeReport report)
    {
        var task = scheduled.Task;
        var run = new TaskRun(task.Name);
        TaskRun.Enter(run);
        using var output = Output?.Begin(task.Name);
        var start = timeline.Now();
        try
        {
            var error = await RunTaskLifecycleAsync(context, strategy, task, run, isTarget, report);
            if (error is null && run.SkipReason is null && Skipper is { } skipper && FrostingContext is { } frosting)
            {
                skipper.Succeeded(frosting, task);
            }

            return error;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return exception;
        }
        finally
        {
            timeline.Add(new TaskTimelineEntry(task.Name, start, timeline.Now(), [.. scheduled.Dependencies]));
        }
    }

    private async Task<Exception?> RunTaskLifecycleAsync(ICakeContext context, IExecutionStrategy strategy, CakeTask task, TaskRun run, bool isTarget, CakeReport report)
    {
        if (task.Criterias.FirstOrDefault(criteria => !criteria.Predicate(context)) is { } unmet)
        {
            if (isTarget)
            {
                throw new CakeException($"Could not reach target '{task.Name}' since it was skipped due to a criteria: {unmet.Message}");
            }

            Skip(context, strategy, task, run, unmet, report);
            return null;
        }

        if (Skipper is { } skipper && FrostingContext is { } frosting && skipper.SkipReason(frosting, task) is { } reason)
        {
            Skip(context, strategy, task, run, new CakeTaskCriteria(_ => false, reason), report);
            return null;
        }

        PerformTaskSetup(context, strategy, task, skipped: false);
        var stopwatch = Stopwatch.StartNew();
        Exception? error = null;
        try
        {
            await strategy.ExecuteAsync(task, context);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            log.Error("An error occurred when executing task '{0}'.", task.Name);
            error = await HandleAsync(context, strategy, task, exception);
        }
        finally
        {
            if (task.FinallyHandler is { } finallyHandler)
            {
                await strategy.InvokeFinallyAsync(finallyHandler, context);
            }
        }

        PerformTaskTeardown(context, strategy, task, stopwatch.Elapsed, skipped: false, error);
        lock (_reportGate)
        {
            if (error is not null)
            {
                report.AddFailed(task.Name, stopwatch.Elapsed);
            }
            else if (task.Actions.Count == 0)
            {
                report.AddDelegated(task.Name, stopwatch.Elapsed);
            }
            else
            {
                report.Add(task.Name, stopwatch.Elapsed);
            }
        }

        return error;
    }

    // Cake's rules: the error reporter sees the failure (its own failure is ignored); an error handler may swallow it.
    private static async Task<Exception?> HandleAsync(ICakeContext context, IExecutionStrategy strategy, CakeTask task, Exception exception)
    {
        if (task.ErrorReporter is { } reporter)
        {
            try
            {
                await strategy.ReportErrorsAsync(reporter, exception);
            }
            catch (Exception reporterFailure) when (reporterFailure is not OutOfMemoryException)
            {
                // As in Cake: a failing reporter does not hide the task's own failure.
            }
        }

        if (task.ErrorHandler is not { } handler)
        {
            return exception;
        }

        try
        {
            await strategy.HandleErrorsAsync(handler, exception, context);
            return null;
        }
        catch (Exception handlerFailure) when (handlerFailure is not OutOfMemoryException)
        {
            return handlerFailure;
        }
    }

    private void Skip(ICakeContext context, IExecutionStrategy strategy, CakeTask task, TaskRun run, CakeTaskCriteria criteria, CakeReport report)
    {
        run.SkipReason = criteria.Message;
        PerformTaskSetup(context, strategy, task, skipped: true);
        strategy.Skip(task, criteria);
        PerformTaskTeardown(context, strategy, task, TimeSpan.Zero, skipped: true, error: null);
        lock (_reportGate)
        {
            report.AddSkipped(task.Name, criteria.Message);
        }
    }

    private void PerformTaskSetup(ICakeContext context, IExecutionStrategy strategy, CakeTask task, bool skipped)
    {
        if (_taskSetup is not { } setup)
        {
            return;
        }

        var setupContext = new TaskSetupContext(context, task);
        try
        {
            BeforeTaskSetup?.Invoke(this, new BeforeTaskSetupEventArgs(setupContext));
            strategy.PerformTaskSetup(setup, setupContext);
            AfterTaskSetup?.Invoke(this, new AfterTaskSetupEventArgs(setupContext));
        }
        catch (Exception exception)
        {
            PerformTaskTeardown(context, strategy, task, TimeSpan.Zero, skipped, exception);
            throw;
        }
    }

    private void PerformTaskTeardown(ICakeContext context, IExecutionStrategy strategy, CakeTask task, TimeSpan duration, bool skipped, Exception? error)
    {
        if (_taskTeardown is not { } teardown)
        {
            return;
        }

        var teardownContext = new TaskTeardownContext(context, task, duration, skipped, error);
        try
        {
            BeforeTaskTeardown?.Invoke(this, new BeforeTaskTeardownEventArgs(teardownContext));
            strategy.PerformTaskTeardown(teardown, teardownContext);
            AfterTaskTeardown?.Invoke(this, new AfterTaskTeardownEventArgs(teardownContext));
        }
        catch (Exception exception) when (error is not null)
        {
            log.Error("An error occurred in the custom task teardown action ({0}): {1}", task.Name, exception.Message);
        }
    }
}

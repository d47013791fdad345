using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.Graph;

namespace Cake.Frosting.Scheduling;

/// <summary>
/// Cake's engine with a scheduler for real runs: tasks are registered in Cake's <see cref="CakeEngine"/> (so the tree,
/// descriptions and dry runs are Cake's own), and a real run executes the same graph through the same execution
/// strategy, running tasks whose dependencies are done at the same time (up to <see cref="Parallelism"/>; 1 is Cake's
/// one-at-a-time order), skipping what <see cref="ITaskSkipper"/> says need not run, and recording a
/// <see cref="TaskTimeline"/>. Setup and Teardown run once around it all, as in Cake.
/// </summary>
internal sealed partial class ScheduledEngine(ICakeDataService data, ICakeLog log, TaskTimeline timeline) : ICakeEngine
{
    private readonly CakeEngine _cake = new(data, log);
    private Action<ISetupContext>? _setup;
    private Action<ITeardownContext>? _teardown;
    private Action<ITaskSetupContext>? _taskSetup;
    private Action<ITaskTeardownContext>? _taskTeardown;

    public event EventHandler<BeforeSetupEventArgs>? BeforeSetup;

    public event EventHandler<AfterSetupEventArgs>? AfterSetup;

    public event EventHandler<BeforeTeardownEventArgs>? BeforeTeardown;

    public event EventHandler<AfterTeardownEventArgs>? AfterTeardown;

    public event EventHandler<BeforeTaskSetupEventArgs>? BeforeTaskSetup;

    public event EventHandler<AfterTaskSetupEventArgs>? AfterTaskSetup;

    public event EventHandler<BeforeTaskTeardownEventArgs>? BeforeTaskTeardown;

    public event EventHandler<AfterTaskTeardownEventArgs>? AfterTaskTeardown;

    /// <summary>Gets or sets how many tasks may run at once in a real run; null hands the run to Cake's engine unchanged.</summary>
    public int? Parallelism { get; set; }

    /// <summary>Gets or sets what the scheduler knows of each task beyond Cake's graph (exclusive resources, running alone).</summary>
    public Func<string, Type?> TaskTypes { get; set; } = static _ => null;

    /// <summary>Gets or sets the skipper asked before each task (none: every task runs).</summary>
    public ITaskSkipper? Skipper { get; set; }

    /// <summary>Gets or sets the context handed to <see cref="Skipper"/>.</summary>
    public IFrostingContext? FrostingContext { get; set; }

    /// <summary>Gets or sets what marks a task's output (and its lifetime's) as that task's, while tasks run at once.</summary>
    public TaskOutputRouter? Output { get; set; }

    public IReadOnlyList<ICakeTaskInfo> Tasks => _cake.Tasks;

    public CakeTaskBuilder RegisterTask(string name) => _cake.RegisterTask(name);

    public void RegisterSetupAction(Action<ISetupContext> action)
    {
        _setup = action;
        _cake.RegisterSetupAction(action);
    }

    public void RegisterSetupAction<TData>(Func<ISetupContext, TData> action)
        where TData : class => throw new NotSupportedException("Typed setup data is not used by this host.");

    public void RegisterTeardownAction(Action<ITeardownContext> action)
    {
        _teardown = action;
        _cake.RegisterTeardownAction(action);
    }

    public void RegisterTeardownAction<TData>(Action<ITeardownContext, TData> action)
        where TData : class => throw new NotSupportedException("Typed setup data is not used by this host.");

    public void RegisterTaskSetupAction(Action<ITaskSetupContext> action)
    {
        _taskSetup = action;
        _cake.RegisterTaskSetupAction(action);
    }

    public void RegisterTaskSetupAction<TData>(Action<ITaskSetupContext, TData> action)
        where TData : class => throw new NotSupportedException("Typed setup data is not used by this host.");

    public void RegisterTaskTeardownAction(Action<ITaskTeardownContext> action)
    {
        _taskTeardown = action;
        _cake.RegisterTaskTeardownAction(action);
    }

    public void RegisterTaskTeardownAction<TData>(Action<ITaskTeardownContext, TData> action)
        where TData : class => throw new NotSupportedException("Typed setup data is not used by this host.");

    public Task<CakeReport> RunTargetAsync(ICakeContext context, IExecutionStrategy strategy, ExecutionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Parallelism is { } parallelism
            ? RunScheduledAsync(context, strategy, settings, parallelism)
            : _cake.RunTargetAsync(context, strategy, settings);
    }

    private async Task<CakeReport> RunScheduledAsync(ICakeContext context, IExecutionStrategy strategy, ExecutionSettings settings, int parallelism)
    {
        var target = settings.Targets.Single();
        var plan = Plan(target, settings.Exclusive);
        var targetTask = plan.Single(task => task.Name.Equals(target, StringComparison.OrdinalIgnoreCase)).Task;
        timeline.Parallelism = parallelism;
        Exception? thrown = null;
        try
        {
            if (_setup is { } setup)
            {
                var setupContext = new SetupContext(context, targetTask, plan.Select(task => task.Task));
                BeforeSetup?.Invoke(this, new BeforeSetupEventArgs(context));
                strategy.PerformSetup(setup, setupContext);
                AfterSetup?.Invoke(this, new AfterSetupEventArgs(context));
            }

            return await RunPlanAsync(context, strategy, plan, targetTask, parallelism);
        }
        catch (Exception exception)
        {
            thrown = exception;
            throw;
        }
        finally
        {
            PerformTeardown(context, strategy, thrown);
        }
    }

    private IReadOnlyList<ScheduledTask> Plan(string target, bool exclusive)
    {
        var tasks = _cake.Tasks.Cast<CakeTask>().ToList();
        var graph = CakeGraphBuilder.Build(tasks);
        if (!graph.Exist(target))
        {
            throw new CakeException($"The target '{target}' was not found.");
        }

        var names = exclusive ? [tasks.First(task => task.Name.Equals(target, StringComparison.OrdinalIgnoreCase)).Name] : graph.Traverse(target).ToList();
        var inPlan = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        return [.. names.Select(name =>
        {
            var task = tasks.First(candidate => candidate.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var dependencies = graph.Edges.Where(edge => edge.End.Equals(name, StringComparison.OrdinalIgnoreCase) && inPlan.Contains(edge.Start)).Select(edge => edge.Start);
            var type = TaskTypes(name);
            var resources = type?.GetCustomAttributes(typeof(ExclusiveUseAttribute), false).Cast<ExclusiveUseAttribute>().Select(use => use.Resource) ?? [];
            var alone = type?.IsDefined(typeof(RunsAloneAttribute), false) ?? false;
            return new ScheduledTask(task, dependencies.ToHashSet(StringComparer.OrdinalIgnoreCase), resources.ToHashSet(StringComparer.OrdinalIgnoreCase), alone);
        })];
    }

    private void PerformTeardown(ICakeContext context, IExecutionStrategy strategy, Exception? thrown)
    {
        if (_teardown is not { } teardown)
        {
            return;
        }

        var teardownContext = new TeardownContext(context, thrown);
        try
        {
            BeforeTeardown?.Invoke(this, new BeforeTeardownEventArgs(teardownContext));
            strategy.PerformTeardown(teardown, teardownContext);
            AfterTeardown?.Invoke(this, new AfterTeardownEventArgs(teardownContext));
        }
        catch (Exception exception) when (thrown is not null)
        {
            // The first failure is the one the build reports; a teardown that fails after it is logged.
            log.Error("An error occurred in the custom teardown action.");
            log.Error("Teardown error: {0}", exception.Message);
        }
    }
}

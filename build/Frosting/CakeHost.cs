using System.Reflection;
using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.Scripting;
using Cake.Frosting.Internal;
using Cake.Frosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Cake.Frosting;

/// <summary>
/// Composes and runs a Frosting build: the context, lifetimes and tasks found in the given assemblies
/// become one Cake graph, run by Cake's engine with Cake's execution strategy and report.
/// </summary>
public sealed class CakeHost
{
    private readonly List<Assembly> _assemblies = [];
    private readonly List<Action<IServiceCollection>> _configureServices = [];
    private Type _contextType = typeof(FrostingContext);
    private Type? _lifetimeType;
    private Type? _taskLifetimeType;
    private Type? _preflightType;
    private Type? _skipperType;
    private string? _workingDirectory;
    private TextWriter _output = Console.Out;
    private TextWriter _error = Console.Error;
    private Func<string, string> _outputFilter = static text => text;
    private int _errorLineLimit = int.MaxValue;
    private Func<IFrostingContext, string, string?> _saveWholeError = static (_, _) => null;
    private IReadOnlyList<ArgumentDescription> _arguments = [];
    private Func<TimeSpan, string> _formatDuration = static duration => duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    private TimeSpan? _heartbeatQuiet;

    public CakeHost UseContext<TContext>()
        where TContext : class, IFrostingContext
    {
        _contextType = typeof(TContext);
        return this;
    }

    public CakeHost UseLifetime<TLifetime>()
        where TLifetime : class, IFrostingSetup, IFrostingTeardown
    {
        _lifetimeType = typeof(TLifetime);
        return this;
    }

    public CakeHost UseTaskLifetime<TLifetime>()
        where TLifetime : class, IFrostingTaskSetup, IFrostingTaskTeardown
    {
        _taskLifetimeType = typeof(TLifetime);
        return this;
    }

    /// <summary>Awaits <typeparamref name="TPreflight"/> before Cake runs the plan (see <see cref="IFrostingPreflight"/>).</summary>
    public CakeHost UsePreflight<TPreflight>()
        where TPreflight : class, IFrostingPreflight
    {
        _preflightType = typeof(TPreflight);
        return this;
    }

    /// <summary>Asks <typeparamref name="TSkipper"/> before each task of a real run whether it need not run (see <see cref="ITaskSkipper"/>).</summary>
    public CakeHost UseTaskSkipper<TSkipper>()
        where TSkipper : class, ITaskSkipper
    {
        _skipperType = typeof(TSkipper);
        return this;
    }

    public CakeHost UseWorkingDirectory(string path)
    {
        _workingDirectory = path;
        return this;
    }

    /// <summary>Tasks are discovered in these assemblies (default: the entry assembly).</summary>
    public CakeHost AddAssembly(Assembly assembly)
    {
        _assemblies.Add(assembly);
        return this;
    }

    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        _configureServices.Add(configure);
        return this;
    }

    /// <summary>Writes to these writers instead of the process's standard output and error (used by tests).</summary>
    public CakeHost UseOutput(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
        return this;
    }

    /// <summary>Every line the build prints passes through this filter first (secret redaction).</summary>
    public CakeHost UseOutputFilter(Func<string, string> filter)
    {
        _outputFilter = filter;
        return this;
    }

    /// <summary>
    /// Keeps the final error line to <paramref name="maxCharacters"/>; a longer message is handed whole to
    /// <paramref name="saveWhole"/>, which returns where it saved it (or null) for the line to say so.
    /// </summary>
    public CakeHost UseErrorLineLimit(int maxCharacters, Func<IFrostingContext, string, string?> saveWhole)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 80);
        _errorLineLimit = maxCharacters;
        _saveWholeError = saveWhole;
        return this;
    }

    /// <summary>
    /// The build's own arguments: <c>--help</c> lists them, and the command line is read with them (a switch takes no
    /// value; an argument that needs one says so when it has none).
    /// </summary>
    public CakeHost DescribeArguments(IEnumerable<ArgumentDescription> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _arguments = [.. arguments];
        return this;
    }

    /// <summary>How the closing task table writes durations (Cake's default: <c>00:04:02.9326708</c>).</summary>
    public CakeHost UseDurationFormat(Func<TimeSpan, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        _formatDuration = format;
        return this;
    }

    /// <summary>
    /// While a task runs and the build has printed nothing for <paramref name="quiet"/>, prints
    /// "Still running &lt;task&gt;: &lt;elapsed&gt;" (and again after each further <paramref name="quiet"/> of silence).
    /// </summary>
    public CakeHost UseHeartbeat(TimeSpan quiet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quiet, TimeSpan.Zero);
        _heartbeatQuiet = quiet;
        return this;
    }

    public int Run(IEnumerable<string> args) => RunAsync(args).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IEnumerable<string> args)
    {
        var activity = new OutputActivity();
        using var filteredOutput = new FilteringTextWriter(_output, _outputFilter, activity);
        using var filteredError = new FilteringTextWriter(_error, _outputFilter, activity);
        var router = new TaskOutputRouter();
        using var output = new RoutedTextWriter(router, filteredOutput);
        using var error = new RoutedTextWriter(router, filteredError);
        var console = new TextWriterConsole(output, error);
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Width = ReportWidth();
        HostOptions options;
        ScriptName.Take();
        try
        {
            options = CommandLineParser.Parse([.. args], _arguments);
        }
        catch (CakeException usage)
        {
            console.WriteErrorLine($"Error: {usage.Message}");
            return usage.ExitCode;
        }

        switch (options.Mode)
        {
            case HostMode.Help:
                console.WriteLine(UsageText.Render(_arguments));
                return ExitCodes.Success;
            case HostMode.Version:
                console.WriteLine(HostVersion());
                return ExitCodes.Success;
        }

        var log = new CakeBuildLog(console, options.Verbosity);
        using var provider = BuildServices(options, log, ansi, console);
        IFrostingContext context;
        try
        {
            context = provider.GetRequiredService<IFrostingContext>();
        }
        catch (CakeException invalid)
        {
            return new FailureReporter(log, console, _errorLineLimit, _ => null).Report(invalid);
        }

        var engine = provider.GetRequiredService<ICakeEngine>();
        var tasks = provider.GetServices<IFrostingTask>().ToList();
        TaskRegistrar.Register(engine, context, tasks, log);
        if (options.Mode == HostMode.Run)
        {
            Schedule((ScheduledEngine)engine, options, context, tasks, router, provider.GetService<ITaskSkipper>());
        }

        using var heartbeat = options.Mode == HostMode.Run && _heartbeatQuiet is { } quiet
            ? new Heartbeat(activity, line => console.WriteLine(line), quiet, _formatDuration)
            : null;
        RegisterLifetimes(engine, context, provider, heartbeat);

        var known = engine.Tasks.FirstOrDefault(task => task.Name.Equals(options.Target, StringComparison.OrdinalIgnoreCase));
        var needsTarget = options.Mode is HostMode.Run or HostMode.DryRun;
        if (known is null && needsTarget)
        {
            var names = engine.Tasks.Select(task => task.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
            var guess = NameSuggestion.Closest(options.Target, names) is { } closest ? $": did you mean {closest}?" : ".";
            console.WriteErrorLine($"Error: unknown target '{options.Target}'{guess} Available targets: {string.Join(", ", names)}.");
            return ExitCodes.Usage;
        }

        var host = CreateScriptHost(options.Mode, engine, context, log, console, new ReportPrinter(ansi, _formatDuration, provider.GetRequiredService<TaskTimeline>()), ansi);
        if (options.Exclusive)
        {
            host.Settings.UseExclusiveTarget();
        }

        // Only a run that executes tasks may write: a dry run's cut error line is not saved anywhere.
        var failures = new FailureReporter(log, console, _errorLineLimit, message => options.Mode == HostMode.Run ? _saveWholeError(context, message) : null);
        using var interrupts = options.Mode == HostMode.Run ? InterruptHook.Install(Interruption.Current, console) : null;
        return await RunTargetAsync(host, known?.Name ?? options.Target, () => PreflightAsync(provider, engine, tasks, context, needsTarget ? known : null, options.Exclusive, heartbeat), failures);
    }

    // A real run goes through the scheduler; the tree, descriptions and dry runs stay Cake's engine's own.
    private static void Schedule(ScheduledEngine engine, HostOptions options, IFrostingContext context, List<IFrostingTask> tasks, TaskOutputRouter router, ITaskSkipper? skipper)
    {
        var types = tasks.ToDictionary(task => TaskNames.Of(task.GetType()), task => task.GetType(), StringComparer.OrdinalIgnoreCase);
        engine.Parallelism = options.Parallelism ?? Environment.ProcessorCount;
        engine.TaskTypes = name => types.GetValueOrDefault(name);
        engine.Skipper = skipper;
        engine.FrostingContext = context;
        engine.Output = router;
    }

    // Tree and description walk the graph without running it: no preflight, as no Setup.
    private static async Task PreflightAsync(IServiceProvider provider, ICakeEngine engine, List<IFrostingTask> tasks, IFrostingContext context, ICakeTaskInfo? target, bool exclusive, Heartbeat? heartbeat)
    {
        if (target is null || provider.GetService<IFrostingPreflight>() is not { } preflight)
        {
            return;
        }

        heartbeat?.Begin("the checks before the first task");
        try
        {
            await preflight.RunAsync(context, RunPlan.Of(engine, tasks, target.Name, exclusive), Interruption.Current.Token);
        }
        finally
        {
            heartbeat?.End("the checks before the first task");
        }
    }

    private static void Beating(Heartbeat? heartbeat, string what, Action action)
    {
        heartbeat?.Begin(what);
        try
        {
            action();
        }
        finally
        {
            heartbeat?.End(what);
        }
    }

    private ServiceProvider BuildServices(HostOptions options, ICakeLog log, IAnsiConsole ansi, IConsole console)
    {
        var services = new ServiceCollection();
        services.AddSingleton(log);
        services.AddSingleton(ansi);
        services.AddSingleton(console);
        services.AddSingleton(new FrostingRunMode(options.Mode == HostMode.DryRun));
        services.AddSingleton<ICakeContext>(provider => CakeContextFactory.Create(log, console, options.Arguments, options.WorkingDirectory ?? _workingDirectory, provider));
        services.AddSingleton(typeof(IFrostingContext), _contextType);
        services.AddSingleton<ICakeDataService>(provider => (ICakeDataService)provider.GetRequiredService<ICakeContext>().Data);
        services.AddSingleton<TaskTimeline>();
        services.AddSingleton<ICakeEngine>(provider => new ScheduledEngine(provider.GetRequiredService<ICakeDataService>(), log, provider.GetRequiredService<TaskTimeline>()));
        if (_lifetimeType is not null)
        {
            services.AddSingleton(typeof(IFrostingSetup), _lifetimeType);
            services.AddSingleton(provider => (IFrostingTeardown)provider.GetRequiredService<IFrostingSetup>());
        }

        if (_preflightType is not null)
        {
            services.AddSingleton(typeof(IFrostingPreflight), _preflightType);
        }

        if (_skipperType is not null)
        {
            services.AddSingleton(typeof(ITaskSkipper), _skipperType);
        }

        if (_taskLifetimeType is not null)
        {
            services.AddSingleton(typeof(IFrostingTaskSetup), _taskLifetimeType);
            services.AddSingleton(provider => (IFrostingTaskTeardown)provider.GetRequiredService<IFrostingTaskSetup>());
        }

        foreach (var taskType in DiscoverTasks())
        {
            services.AddSingleton(typeof(IFrostingTask), taskType);
        }

        foreach (var configure in _configureServices)
        {
            configure(services);
        }

        return services.BuildServiceProvider();
    }

    private IEnumerable<Type> DiscoverTasks()
    {
        var assemblies = _assemblies.Count > 0 ? _assemblies : [Assembly.GetEntryAssembly()!];
        return assemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IFrostingTask)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
    }

    // Cake takes one task setup and one task teardown: the heartbeat goes around the task lifetime's.
    private static void RegisterLifetimes(ICakeEngine engine, IFrostingContext context, IServiceProvider provider, Heartbeat? heartbeat)
    {
        if (provider.GetService<IFrostingSetup>() is { } setup)
        {
            engine.RegisterSetupAction(info => Beating(heartbeat, "Setup", () => setup.Setup(context, info)));
        }

        if (provider.GetService<IFrostingTeardown>() is { } teardown)
        {
            engine.RegisterTeardownAction(info => Beating(heartbeat, "TearDown", () => teardown.Teardown(context, info)));
        }

        var taskSetup = provider.GetService<IFrostingTaskSetup>();
        if (taskSetup is not null || heartbeat is not null)
        {
            engine.RegisterTaskSetupAction(info =>
            {
                heartbeat?.Begin(info.Task.Name);
                taskSetup?.Setup(context, info);
            });
        }

        var taskTeardown = provider.GetService<IFrostingTaskTeardown>();
        if (taskTeardown is not null || heartbeat is not null)
        {
            engine.RegisterTaskTeardownAction(info =>
            {
                heartbeat?.End(info.Task.Name);
                taskTeardown?.Teardown(context, info);
            });
        }
    }

    private static IScriptHost CreateScriptHost(HostMode mode, ICakeEngine engine, IFrostingContext context, ICakeLog log, IConsole console, ICakeReportPrinter printer, IAnsiConsole ansi) =>
        mode switch
        {
            HostMode.Tree => new GraphTreeScriptHost(engine, context, console),
            HostMode.Description => new DescriptionScriptHost(engine, context, ansi),
            HostMode.DryRun => new DryRunScriptHost<IFrostingContext>(engine, context, log),
            _ => new BuildScriptHost<IFrostingContext>(
                engine,
                new DefaultExecutionStrategy(log, printer),
                context,
                printer,
                context.Configuration,
                log),
        };

    private static async Task<int> RunTargetAsync(IScriptHost host, string target, Func<Task> preflight, FailureReporter failures)
    {
        try
        {
            await preflight();
            await host.RunTargetAsync(target);

            // Asked to stop: the run is interrupted even when the task that was running finished, so CI never counts a
            // cancelled job as a success.
            return Interruption.Current.IsRequested ? failures.ReportInterruptedAfterFinish(Interruption.Current) : ExitCodes.Success;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Interruption.Current.IsRequested
                ? failures.ReportInterrupted(exception, Interruption.Current)
                : failures.Report(exception);
        }
    }

    // Wide enough that the report's skip reasons stay on one line in CI logs; a terminal keeps its own width.
    private static int ReportWidth() =>
        Console.IsOutputRedirected ? 160 : Math.Max(Console.WindowWidth, 80);

    private static string HostVersion() =>
        typeof(CakeHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CakeHost).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}

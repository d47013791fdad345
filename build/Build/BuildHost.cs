using Build.Core;
using Build.Core.Checkout;
using Build.Core.Incremental;
using Build.Core.Prerequisites;
using Build.Core.Reporting;
using Build.Core.Secrets;
using Build.Core.Text;
using Build.Parameters;
using Cake.Core;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;

namespace Build;

/// <summary>
/// Composes the build: context, lifetimes, the stages' preconditions and machine needs, secret redaction, the run lock (released when
/// the host ends). Used by Program and by the tests.
/// </summary>
public static class BuildHost
{
    /// <summary>The longest a task may print nothing before the host says it is still running (issue #17: no step silent for more than ~10 s).</summary>
    public static readonly TimeSpan HeartbeatQuiet = TimeSpan.FromSeconds(10);

    public static CakeHost Create(SecretRegistry secrets)
    {
        SecretEnvironment.RegisterAll(secrets);
        return new CakeHost()
            .UseContext<BuildContext>()
            .UsePreflight<StagePreconditions>()
            .UseLifetime<BuildLifetime>()
            .UseTaskLifetime<BuildTaskLifetime>()
            .UseTaskSkipper<UnchangedTaskSkipper>()
            .AddAssembly(typeof(BuildHost).Assembly)
            .DescribeArguments(ParameterTable.All.Select(parameter => parameter.ToHost()))
            .UseDurationFormat(DurationText.Format)
            .UseHeartbeat(HeartbeatQuiet)
            .UseOutputFilter(secrets.Redact)
            .UseErrorLineLimit(Bounded.LineCharacters, (context, message) => SaveWholeError(context, message, secrets))
            .ConfigureServices(services => services
                .AddSingleton(secrets)
                .AddSingleton<RunLock>()
                .AddSingleton(provider => ParseParameters(provider.GetRequiredService<ICakeContext>(), secrets))
                .AddSingleton<ScheduledTasks>()
                .AddStagePreconditions()
                .AddStageTools());
    }

    private static BuildParameters ParseParameters(ICakeContext context, SecretRegistry secrets) =>
        BuildParameters.Parse(context.Arguments, secrets, context.Environment.GetEnvironmentVariable);

    // Like tasks, a stage's preconditions are found in this assembly: adding one to a stage folder is all it takes.
    // Each is also its own service, so its task can take what it opened (Push takes its ECR session).
    private static IServiceCollection AddStagePreconditions(this IServiceCollection services)
    {
        var types = typeof(BuildHost).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IStagePrecondition)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            services.AddSingleton(type);
            services.AddSingleton(typeof(IStagePrecondition), provider => provider.GetRequiredService(type));
        }

        return services;
    }

    // Like preconditions, what a stage needs from the machine is declared in its folder and found here.
    private static IServiceCollection AddStageTools(this IServiceCollection services)
    {
        var types = typeof(BuildHost).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IStageTools)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            services.AddSingleton(typeof(IStageTools), type);
        }

        return services;
    }

    // Before Setup there is no artifacts folder to write to; the line is cut and says so.
    private static string? SaveWholeError(IFrostingContext context, string message, SecretRegistry secrets)
    {
        if (context is not BuildContext { IsSetUp: true } build)
        {
            return null;
        }

        // Teardown's report has usually written it already (the same message, redacted); write it only if not.
        var path = build.Paths.Artifacts.CombineWithFilePath(ReportWriter.FullErrorFile).FullPath;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(build.Paths.Artifacts.FullPath);
            File.WriteAllText(path, secrets.Redact(message));
        }

        return path;
    }
}

using System.Reflection;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>Registers Frosting task classes on Cake's engine: name, description, criteria, handlers, edges.</summary>
internal static class TaskRegistrar
{
    public static void Register(ICakeEngine engine, IFrostingContext context, IEnumerable<IFrostingTask> tasks, ICakeLog log)
    {
        foreach (var task in tasks)
        {
            var type = task.GetType();
            var name = TaskNames.Of(type);
            log.Debug("Registering task: {0}", name);
            var builder = engine.RegisterTask(name);

            var description = type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description;
            if (!string.IsNullOrWhiteSpace(description))
            {
                builder.Description(description);
            }

            var runs = Overrides(type, nameof(FrostingTask<ICakeContext>.Run)) || Overrides(type, nameof(AsyncFrostingTask<ICakeContext>.RunAsync));
            builder.Does(async cakeContext =>
            {
                // After an interrupt no further task starts: the task that would have run fails naming the interruption.
                Interruption.Current.TaskStarted(name);
                var failed = true;
                try
                {
                    Interruption.Current.ThrowIfRequested($"before {name} started");
                    if (runs)
                    {
                        await task.RunAsync(cakeContext);
                    }

                    failed = false;
                }
                finally
                {
                    Interruption.Current.TaskEnded(name, failed);
                }
            });

            foreach (var criteria in task.ShouldRunCriteria)
            {
                builder.WithCriteria(criteria.Predicate, criteria.Message);
            }

            if (Overrides(type, nameof(FrostingTask<ICakeContext>.ShouldRun)))
            {
                builder.WithCriteria(task.ShouldRun, task.SkippedMessage);
            }

            if (type.GetCustomAttribute<ContinueOnErrorAttribute>() is not null)
            {
                builder.ContinueOnError();
            }

            if (Overrides(type, nameof(FrostingTask<ICakeContext>.OnError)))
            {
                builder.OnError(exception => task.OnError(exception, context));
            }

            if (Overrides(type, nameof(FrostingTask<ICakeContext>.Finally)))
            {
                builder.Finally(() => task.Finally(context));
            }

            foreach (var dependency in type.GetCustomAttributes<IsDependentOnAttribute>())
            {
                builder.IsDependentOn(TaskNames.OfDependency(dependency.Task, name));
            }

            foreach (var dependee in type.GetCustomAttributes<IsDependeeOfAttribute>())
            {
                builder.IsDependeeOf(TaskNames.OfDependency(dependee.Task, name));
            }
        }
    }

    private static bool Overrides(Type type, string methodName) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Any(method => method.Name == methodName
                && method.DeclaringType is { IsGenericType: false } declaring
                && declaring != typeof(FrostingTask)
                && declaring != typeof(AsyncFrostingTask)
                && declaring.IsAssignableTo(typeof(IFrostingTask)));
}

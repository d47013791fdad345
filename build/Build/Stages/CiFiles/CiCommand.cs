using System.Reflection;
using Build.Parameters;
using Cake.Frosting;

namespace Build.Stages.CiFiles;

/// <summary>
/// One <c>./build.sh</c> call of a CI job: the target, named by its task class (a renamed or deleted task breaks the
/// compilation of the pipeline model, not a CI run), and parameters from <see cref="ArgumentNames"/>.
/// </summary>
public sealed record CiCommand
{
    public const string Bootstrapper = "./build.sh";

    public CiCommand(Type target, IReadOnlyList<CiArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(arguments);
        Target = target;
        Arguments = arguments;
        TargetName = target.IsAssignableTo(typeof(IFrostingTask)) && target.GetCustomAttribute<TaskNameAttribute>() is { } name
            ? name.Name
            : throw new ArgumentException($"{target.Name} is not a task with a [TaskName].", nameof(target));
    }

    /// <summary>Gets the task class of the target.</summary>
    public Type Target { get; }

    public IReadOnlyList<CiArgument> Arguments { get; }

    /// <summary>Gets the target's name as the command line gives it (the task's [TaskName]).</summary>
    public string TargetName { get; }

    /// <summary>Gets a value indicating whether the command runs its target alone (<c>--exclusive</c>), on what earlier commands left in artifacts/.</summary>
    public bool Exclusive { get; init; }

    /// <summary>Gets the arguments after ./build.sh, one word each (no word holds a space or a quote).</summary>
    public IReadOnlyList<string> Words => ["--target", TargetName, .. Arguments.SelectMany(argument => argument.Words), .. Exclusive ? new[] { "--exclusive" } : []];

    /// <summary>Gets the command as a CI file runs it.</summary>
    public string Line => $"{Bootstrapper} {string.Join(' ', Words)}";

    public static CiCommand Of<TTask>(params CiArgument[] arguments)
        where TTask : IFrostingTask => new(typeof(TTask), arguments);

    /// <summary>Whether the command passes <c>--<paramref name="name"/></c>.</summary>
    public bool Has(string name) => Arguments.Any(argument => argument.Name == name);

    /// <summary>The value of <c>--<paramref name="name"/></c>, or null.</summary>
    public string? ValueOf(string name) => Arguments.FirstOrDefault(argument => argument.Name == name)?.Value;

    public override string ToString() => Line;
}

/// <summary>A build parameter of a CI command: <c>--name value</c>, or <c>--name</c> alone for a switch.</summary>
public sealed record CiArgument
{
    public CiArgument(string name, string? value = null)
    {
        Name = ArgumentNames.IsKnown(name) ? name : throw new ArgumentException($"--{name} is not a build parameter (Parameters/ArgumentNames.cs).", nameof(name));
        Value = value is null || (value.Length > 0 && value.All(character => !char.IsWhiteSpace(character) && character is not ('\'' or '"' or '\\' or '$' or '`')))
            ? value
            : throw new ArgumentException($"--{name} '{value}': a CI command's values are single words without quotes, so every CI file can run them as they are.", nameof(value));
    }

    public string Name { get; }

    public string? Value { get; }

    public IReadOnlyList<string> Words => Value is null ? [$"--{Name}"] : [$"--{Name}", Value];
}

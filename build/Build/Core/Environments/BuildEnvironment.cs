using Build.Parameters;

namespace Build.Core.Environments;

/// <summary>
/// The environment this run targets, resolved once in Setup from <c>--environment</c>: the <see cref="LocalEnvironment"/>
/// (a registry and a container on this machine, no cloud account) or a <see cref="CloudEnvironment"/> (ECR and ECS on
/// AWS, described by its checked-in settings file). Stages ask it what they need; they never compare names.
/// </summary>
public abstract class BuildEnvironment
{
    private protected BuildEnvironment(string name) => Name = name;

    /// <summary>Gets the name given with <c>--environment</c> (local, dev, staging, prod), for messages and file names.</summary>
    public string Name { get; }

    public bool IsLocal => this is LocalEnvironment;

    /// <summary>Gets a value indicating whether changing this environment needs an explicit approval.</summary>
    public bool IsProduction => Name == EnvironmentNames.Prod;

    /// <summary>The environment <paramref name="parameters"/> name, in the repository <paramref name="paths"/> describe. Reads no file.</summary>
    public static BuildEnvironment Resolve(BuildParameters parameters, BuildPaths paths)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(paths);
        return EnvironmentNames.IsLocal(parameters.Environment)
            ? new LocalEnvironment()
            : new CloudEnvironment(parameters.Environment, paths, parameters.Image.EcrRepository);
    }

    public override string ToString() => Name;
}

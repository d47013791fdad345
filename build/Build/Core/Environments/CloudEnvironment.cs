using Build.Tools.Aws;
using Cake.Core.IO;

namespace Build.Core.Environments;

/// <summary>
/// A cloud environment (dev, staging, prod): the one place its region and ECR repository come from. Its settings file,
/// terraform/environments/&lt;env&gt;.tfvars, is read on first use and once, so a run that never needs it
/// (<c>--target Version --environment dev</c>) neither reads it nor fails on it.
/// </summary>
public sealed class CloudEnvironment : BuildEnvironment
{
    private readonly Lazy<EnvironmentFile> _settings;
    private readonly string? _repositoryOverride;

    internal CloudEnvironment(string name, BuildPaths paths, string? repositoryOverride)
        : base(name)
    {
        SettingsFile = paths.EnvironmentSettingsFile(name);
        SettingsSource = paths.Root.GetRelativePath(SettingsFile).FullPath;
        _repositoryOverride = repositoryOverride;
        _settings = new Lazy<EnvironmentFile>(() => EnvironmentFile.Load(SettingsFile, name));
    }

    /// <summary>Gets the environment's checked-in settings file.</summary>
    public FilePath SettingsFile { get; }

    /// <summary>Gets the settings file relative to the repository (terraform/environments/dev.tfvars), as messages name it.</summary>
    public string SettingsSource { get; }

    /// <summary>Gets the validated settings file (read on first use; a problem is one line naming the file).</summary>
    public EnvironmentFile Settings => _settings.Value;

    /// <summary>Gets the AWS region the environment lives in.</summary>
    public string Region => Settings.Region;

    /// <summary>Gets the ECR repository the environment's images go to: <c>--ecr-repository</c>, else the one terraform
    /// creates for it ("&lt;service_name&gt;-&lt;env&gt;").</summary>
    public string RepositoryName => _repositoryOverride ?? Settings.RepositoryName;

    /// <summary>
    /// How to call <paramref name="service"/> for this environment: in its region (an AWS_REGION naming another one is an
    /// error naming both), with the endpoint, credentials and retries the variables set.
    /// </summary>
    public AwsSettings AwsSettingsFor(AwsService service, Func<string, string?> variables) =>
        AwsSettings.FromEnvironment(service, variables, new AwsSettings.ConfiguredRegion(Region, SettingsSource));
}

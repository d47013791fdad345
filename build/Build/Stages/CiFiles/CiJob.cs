namespace Build.Stages.CiFiles;

/// <summary>What starts a pipeline run.</summary>
public enum CiTrigger
{
    /// <summary>A pull request (GitHub) or change request (Jenkins).</summary>
    PullRequest,

    /// <summary>A push to main.</summary>
    MainBranch,

    /// <summary>A pushed tag v* (a release; its version is the tag, see README "Versions").</summary>
    VersionTag,

    /// <summary>The pipeline's timer (<see cref="CiPipeline.Schedule"/>) on main: the jobs that only check, such as Drift.</summary>
    Schedule,
}

/// <summary>
/// One job of the pipeline (a GitHub Actions job, a Jenkins stage on an agent of its own): the runs it belongs to,
/// the ./build.sh calls it makes in order, and for a deploy the environment, its cloud access and approval.
/// </summary>
/// <param name="Id">The GitHub job id and artifact name (letters, digits, '-').</param>
/// <param name="Title">The GitHub job name and the Jenkins stage name.</param>
/// <param name="Triggers">The runs it is part of.</param>
/// <param name="Commands">The ./build.sh calls, in order; every call after the first passes --keep-artifacts.</param>
/// <param name="Timeout">How long the job may take (GitHub timeout-minutes, a Jenkins stage timeout).</param>
public sealed record CiJob(string Id, string Title, IReadOnlyList<CiTrigger> Triggers, IReadOnlyList<CiCommand> Commands, TimeSpan Timeout)
{
    /// <summary>The artifacts folder every build writes to when no --artifacts is given.</summary>
    public const string DefaultArtifactsFolder = "artifacts";

    /// <summary>Gets the job that must succeed first (null: none).</summary>
    public string? Needs { get; init; }

    /// <summary>Gets the environment the job deploys to or checks (a GitHub environment, a Jenkins lock); null for a job that needs none.</summary>
    public string? Environment { get; init; }

    /// <summary>
    /// Gets a value indicating whether the job only reads its environment (Drift): it runs on the schedule, with credentials
    /// of its own (GitHub environment and Jenkins credentials <see cref="CredentialsScope"/>, meant for a read-only role,
    /// and without the deploy's protection rules, so a nightly check never waits for an approval).
    /// </summary>
    public bool ChecksOnly { get; init; }

    /// <summary>Gets the GitHub environment whose variables (role, region) the job's credentials come from: the environment itself, or drift-&lt;env&gt; for a check.</summary>
    public string? CredentialsScope => Environment is null ? null : ChecksOnly ? $"drift-{Environment}" : Environment;

    /// <summary>Gets the cloud credentials the job gets (null: none, as for pull requests).</summary>
    public CiCloudAccess? CloudAccess { get; init; }

    /// <summary>Gets the approval a person gives before the job starts (null: none).</summary>
    public CiApproval? Approval { get; init; }

    /// <summary>Gets the folder the job's builds write (their --artifacts): what the job publishes, whole.</summary>
    public string ArtifactsFolder { get; init; } = DefaultArtifactsFolder;

    /// <summary>Gets the JUnit XML the Test task writes in that folder.</summary>
    public string JUnitFile => $"{ArtifactsFolder}/test-results/junit.xml";

    /// <summary>Gets a value indicating whether the job deploys (concurrency per environment, never cancelled).</summary>
    public bool Deploys => Environment is not null && !ChecksOnly;
}

/// <summary>
/// AWS access of a deploy job. GitHub: OIDC, the role and region from the environment's variables (no stored keys).
/// Jenkins: an AWS credentials binding (the AWS Credentials plugin) with this id.
/// </summary>
public sealed record CiCloudAccess(string RoleVariable, string RegionVariable, string JenkinsCredentialsId);

/// <summary>
/// A person's go-ahead before a job. GitHub: the job's environment's protection rules (required reviewers) are the gate.
/// Jenkins: an input step, outside any agent, that <paramref name="Submitter"/> answers within <paramref name="Timeout"/>.
/// </summary>
public sealed record CiApproval(string Submitter, TimeSpan Timeout);

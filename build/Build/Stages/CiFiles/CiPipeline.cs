using Build.Parameters;

namespace Build.Stages.CiFiles;

/// <summary>
/// The whole CI pipeline as data: its jobs in order, and the one test command CI runs on a fresh machine (.ci/run, the
/// README's). Both CI files are rendered from it (<see cref="CiFileSet"/>); its rules are checked when it is made.
/// </summary>
public sealed record CiPipeline
{
    public CiPipeline(string name, IReadOnlyList<CiJob> jobs, CiCommand testCommand)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        Name = name;
        Jobs = jobs;
        TestCommand = testCommand;
        Check();
    }

    /// <summary>Gets the GitHub workflow's name.</summary>
    public string Name { get; }

    public IReadOnlyList<CiJob> Jobs { get; }

    public CiCommand TestCommand { get; }

    /// <summary>Gets the terraform a hosted runner installs first: ubuntu-latest has none, and it is no Debian package the Prerequisites task could install.</summary>
    public string TerraformVersion { get; init; } = "1.11.4";

    /// <summary>Gets when the <see cref="CiTrigger.Schedule"/> jobs run: a cron line (UTC on GitHub, the controller's time zone on Jenkins).</summary>
    public string Schedule { get; init; } = "17 5 * * *";

    public bool IsScheduled => Jobs.Any(job => job.Triggers.Contains(CiTrigger.Schedule));

    /// <summary>Gets every ./build.sh call of every job, in job order: what both CI files run.</summary>
    public IReadOnlyList<CiCommand> Commands => [.. Jobs.SelectMany(job => job.Commands)];

    public CiJob Job(string id) => Jobs.Single(job => job.Id == id);

    private void Check()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in Jobs)
        {
            Require(job.Id.Length > 0 && job.Id.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-'), job, "its id is not lower-case letters, digits and '-'");
            Require(seen.Add(job.Id), job, "its id is not unique");
            Require(job.Needs is null || seen.Contains(job.Needs), job, $"it needs '{job.Needs}', which is not an earlier job");
            Require(job.Needs is null || Job(job.Needs).Triggers.Intersect(job.Triggers).Count() == job.Triggers.Count, job, $"it runs where '{job.Needs}', which it needs, does not");
            Require(job.Commands.Count > 0 && job.Triggers.Count > 0, job, "it has no command or no trigger");
            Require((job.Environment is not null) == (job.CloudAccess is not null), job, "a job has cloud access exactly when it deploys to or checks an environment");
            Require(job.Triggers.Contains(CiTrigger.Schedule) == job.ChecksOnly, job, "a job runs on the schedule exactly when it only checks");
            Require(!job.ChecksOnly || job.Triggers.Count == 1, job, "a check runs on the schedule only");
            Require(job.Approval is null || job.Deploys, job, "an approval guards a deploy");
            Require(job.CloudAccess is null || !job.Triggers.Contains(CiTrigger.PullRequest), job, "a pull request gets no credentials");
            for (var index = 0; index < job.Commands.Count; index++)
            {
                var command = job.Commands[index];
                Require(command.Has(ArgumentNames.KeepArtifacts) == (index > 0), job, $"'{command}': every call after a job's first passes --{ArgumentNames.KeepArtifacts}, the first does not");
                Require((command.ValueOf(ArgumentNames.Artifacts) ?? CiJob.DefaultArtifactsFolder) == job.ArtifactsFolder, job, $"'{command}' writes elsewhere than the job's artifacts folder {job.ArtifactsFolder}");
                Require(command.ValueOf(ArgumentNames.Environment) == job.Environment || (job.Environment is null && command.ValueOf(ArgumentNames.Environment) is null), job, $"'{command}' targets another environment than the job's");
                Require(command.Has(ArgumentNames.Approve) == (job.Approval is not null), job, $"'{command}': --{ArgumentNames.Approve} is passed exactly behind the job's approval");
            }
        }
    }

    private static void Require(bool rule, CiJob job, string why)
    {
        if (!rule)
        {
            throw new InvalidOperationException($"CI job '{job.Id}' breaks a rule of the pipeline model: {why}.");
        }
    }
}

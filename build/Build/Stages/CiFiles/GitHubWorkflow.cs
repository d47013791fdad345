using System.Globalization;
using System.Text;
using Build.Core.Notifications;

namespace Build.Stages.CiFiles;

/// <summary>
/// Renders the pipeline as a GitHub Actions workflow: read-only token by default, id-token only for the jobs with cloud
/// access (deploys, scheduled checks) and deployments: write only for deploys (their GitHub deployment statuses),
/// one concurrency group per environment that never cancels a deploy (pull requests cancel their superseded runs),
/// the scheduled checks (Drift) on the pipeline's cron with credentials of their own,
/// the deploy jobs' GitHub environments (prod's protection rules are its approval), AWS access by OIDC, every action
/// pinned to a commit, the NuGet cache, full history for the version, the job's artifacts uploaded whatever happened.
/// </summary>
public static class GitHubWorkflow
{
    public const string Path = ".github/workflows/build.yml";

    public const string Runner = "ubuntu-latest";

    public static string Render(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var text = new StringBuilder();
        void Line(int indent, string line) => text.Append(' ', indent * 2).Append(line).Append('\n');

        Line(0, $"# {CiFileSet.Header}");
        Line(0, "# CI picks targets, passes parameters and provides credentials and approvals; ./build.sh does the rest, starting");
        Line(0, $"# with its Prerequisites task, which installs what is missing with apt-get through {Runner}'s passwordless sudo.");
        Line(0, $"name: {pipeline.Name}");
        text.Append('\n');
        Line(0, "on:");
        var triggers = pipeline.Jobs.SelectMany(job => job.Triggers).ToHashSet();
        if (triggers.Contains(CiTrigger.PullRequest))
        {
            Line(1, "pull_request:");
        }

        if (triggers.Contains(CiTrigger.MainBranch) || triggers.Contains(CiTrigger.VersionTag))
        {
            Line(1, "push:");
            if (triggers.Contains(CiTrigger.MainBranch))
            {
                Line(2, "branches: [main]");
            }

            if (triggers.Contains(CiTrigger.VersionTag))
            {
                Line(2, "tags: [\"v*\"]");
            }
        }

        if (triggers.Contains(CiTrigger.Schedule))
        {
            Line(1, "schedule:");
            Line(2, $"- cron: \"{pipeline.Schedule}\" # UTC, on the default branch: the jobs that only check (Drift)");
        }

        text.Append('\n');
        Line(0, "permissions:");
        Line(1, "contents: read");
        text.Append('\n');
        Line(0, "jobs:");
        foreach (var job in pipeline.Jobs)
        {
            if (job != pipeline.Jobs[0])
            {
                text.Append('\n');
            }

            Job(job, pipeline, Line);
        }

        return text.ToString();
    }

    private static void Job(CiJob job, CiPipeline pipeline, Action<int, string> line)
    {
        var terraformVersion = pipeline.TerraformVersion;
        line(1, $"{job.Id}:");
        line(2, $"name: {job.Title}");
        if (job.Needs is not null)
        {
            line(2, $"needs: {job.Needs}");
        }

        if (Condition(job.Triggers, pipeline) is { } condition)
        {
            line(2, $"if: {condition}");
        }

        line(2, $"runs-on: {Runner}");
        line(2, $"timeout-minutes: {Minutes(job.Timeout)}");
        if (job.Deploys)
        {
            line(2, job.Approval is null ? $"environment: {job.Environment}" : $"environment: {job.Environment} # its protection rules (required reviewers) are the approval");
            line(2, "concurrency:");
            line(3, $"group: deploy-{job.Environment}");
            line(3, "cancel-in-progress: false # a deploy is never cancelled halfway");
            line(2, "permissions:");
            line(3, "contents: read");
            line(3, "id-token: write # OIDC to AWS: no stored keys");
            line(3, "deployments: write # Deploy records a GitHub deployment and its statuses");
            line(2, "env:");
            line(3, $"{WebhookNotifier.Variable}: ${{{{ secrets.{WebhookNotifier.Variable} }}}} # the team's webhook for the outcome; unset: no message");
            line(3, $"{GitHubDeployments.TokenVariable}: ${{{{ github.token }}}} # for the deployment statuses; registered as a secret, never printed");
        }
        else if (job.ChecksOnly)
        {
            line(2, $"environment: {job.CredentialsScope} # a read-only role; no protection rules, so the schedule never waits");
            line(2, "concurrency:");
            line(3, $"group: {job.Id}");
            line(3, "cancel-in-progress: false # not deploy-<env>: a queued check would cancel a queued deploy; the state lock keeps them apart");
            line(2, "permissions:");
            line(3, "contents: read");
            line(3, "id-token: write # OIDC to AWS: no stored keys");
        }
        else
        {
            line(2, "concurrency:");
            line(3, $"group: {job.Id}-${{{{ github.ref }}}}");
            line(3, job.Triggers.Contains(CiTrigger.PullRequest)
                ? "cancel-in-progress: ${{ github.event_name == 'pull_request' }} # a new push to a pull request supersedes its run"
                : "cancel-in-progress: false");
        }

        line(2, "steps:");
        line(3, $"- uses: {GitHubActionPins.Checkout.Uses}");
        line(4, "with:");
        line(5, "fetch-depth: 0 # tags and history: the version comes from git");
        line(3, $"- uses: {GitHubActionPins.SetupDotNet.Uses}");
        line(4, "with:");
        line(5, "global-json-file: global.json");
        line(3, $"- uses: {GitHubActionPins.Cache.Uses}");
        line(4, "with:");
        line(5, "path: ~/.nuget/packages");
        line(5, "key: nuget-${{ runner.os }}-${{ hashFiles('**/*.csproj', 'global.json', 'Directory.Packages.props', '.config/dotnet-tools.json') }}");
        line(5, "restore-keys: nuget-${{ runner.os }}-");
        line(3, $"- uses: {GitHubActionPins.SetupTerraform.Uses}");
        line(4, "with:");
        line(5, $"terraform_version: {terraformVersion} # ubuntu-latest has no terraform, and Prerequisites cannot apt-get it");
        line(5, "terraform_wrapper: false # the build reads terraform's own output and exit codes");
        if (!job.ChecksOnly)
        {
            line(3, $"- uses: {GitHubActionPins.SetupTrivy.Uses}");
            line(4, "with:");
            line(5, "version: v0.69.3 # ImageScan needs a scanner: on CI --vuln-scan defaults to required");
        }

        if (job.CloudAccess is { } access)
        {
            line(3, $"- uses: {GitHubActionPins.ConfigureAwsCredentials.Uses}");
            line(4, "with:");
            line(5, $"role-to-assume: ${{{{ vars.{access.RoleVariable} }}}}");
            line(5, $"aws-region: ${{{{ vars.{access.RegionVariable} }}}}");
        }

        foreach (var command in job.Commands)
        {
            line(3, $"- run: {command.Line}");
        }

        line(3, $"- name: Publish {job.ArtifactsFolder}/ (the test results are {job.JUnitFile})");
        line(4, "if: always()");
        line(4, $"uses: {GitHubActionPins.UploadArtifact.Uses}");
        line(4, "with:");
        line(5, $"name: {job.Id}");
        line(5, $"path: {job.ArtifactsFolder}/");
        line(5, "if-no-files-found: warn");
    }

    // A scheduled run is on the default branch too (github.ref is refs/heads/main): a push job asks for the push event.
    private static string? Condition(IReadOnlyList<CiTrigger> triggers, CiPipeline pipeline) =>
        pipeline.Jobs.SelectMany(job => job.Triggers).Distinct().All(triggers.Contains)
            ? null
            : string.Join(" || ", triggers.Select(trigger => trigger switch
            {
                CiTrigger.PullRequest => "github.event_name == 'pull_request'",
                CiTrigger.MainBranch => "(github.event_name == 'push' && github.ref == 'refs/heads/main')",
                CiTrigger.VersionTag => "(github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v'))",
                CiTrigger.Schedule => "github.event_name == 'schedule'",
                _ => throw new ArgumentOutOfRangeException(nameof(triggers), trigger, null),
            }));

    internal static string Minutes(TimeSpan time) => ((int)time.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}

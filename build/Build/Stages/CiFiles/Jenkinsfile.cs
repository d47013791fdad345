using System.Globalization;
using System.Text;

namespace Build.Stages.CiFiles;

/// <summary>
/// Renders the pipeline as a declarative Jenkinsfile: no agent at the top, so each job is a stage on an agent of its
/// own and an approval waits on none; a timeout for the run, each stage and the approval; no concurrent builds of a
/// branch; one lock per environment and a milestone in each deploy (an older build that reaches it after a newer one
/// is stopped); the approval an input stage with its submitter; AWS keys from a credentials binding; a clean
/// artifacts folder at the start of each stage; JUnit results and the stage's artifacts archived whatever happened;
/// with scheduled checks (Drift), a cron trigger on main and those stages only on the timer (every other stage never),
/// each taking its environment's lock and failing the run without stopping the next check.
/// Plugins: Pipeline: Declarative, Lockable Resources, Pipeline: Milestone Step, AWS Credentials, JUnit, Timestamper.
/// </summary>
public static class Jenkinsfile
{
    public const string Path = "Jenkinsfile";

    public static string Render(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var text = new StringBuilder();
        void Line(int indent, string line) => text.Append(' ', indent * 2).Append(line).Append('\n');

        var total = pipeline.Jobs.Aggregate(TimeSpan.Zero, (sum, job) => sum + job.Timeout + (job.Approval?.Timeout ?? TimeSpan.Zero));
        Line(0, $"// {CiFileSet.Header}");
        Line(0, "// CI picks targets, passes parameters and provides credentials and approvals; ./build.sh does the rest, starting");
        Line(0, "// with its Prerequisites task, which installs what is missing with apt-get: run agents as root or with passwordless sudo,");
        Line(0, $"// with the .NET SDK of global.json, terraform {pipeline.TerraformVersion} and trivy (no Debian packages) installed;");
        Line(0, "// CI=true makes ImageScan require trivy (--vuln-scan required).");
        Line(0, "// Plugins: Pipeline: Declarative, Lockable Resources, Pipeline: Milestone Step, AWS Credentials, JUnit, Timestamper;");
        Line(0, "// a multibranch job that discovers tags builds the v* ones.");
        Line(0, "pipeline {");
        Line(1, "agent none // each stage takes an agent of its own; an approval waits on none");
        Line(1, "options {");
        Line(2, $"timeout(time: {Minutes(total)}, unit: 'MINUTES') // every stage's and approval's timeout together");
        Line(2, "disableConcurrentBuilds()");
        Line(2, "timestamps()");
        Line(1, "}");
        if (pipeline.IsScheduled)
        {
            Line(1, "triggers {");
            Line(2, $"cron(env.BRANCH_NAME == 'main' ? '{pipeline.Schedule}' : '') // the checks (Drift) run on main's timer; other branches have none");
            Line(1, "}");
        }

        Line(1, "environment {");
        Line(2, "CI = 'true' // as on GitHub Actions: nobody answers a question here");
        Line(1, "}");
        Line(1, "stages {");
        for (var index = 0; index < pipeline.Jobs.Count; index++)
        {
            var job = pipeline.Jobs[index];
            var milestone = (index + 1) * 10;
            if (job.Approval is { } approval)
            {
                Approval(job, approval, milestone - 1, pipeline.IsScheduled, Line);
            }

            Stage(job, milestone, pipeline.IsScheduled, Line);
        }

        Line(1, "}");
        Line(0, "}");
        return text.ToString();
    }

    private static void Approval(CiJob job, CiApproval approval, int milestone, bool scheduled, Action<int, string> line)
    {
        line(2, $"stage('Approve {job.Environment}') {{");
        When(job.Triggers, scheduled, "beforeInput", line);
        line(3, "options {");
        line(4, $"timeout(time: {Minutes(approval.Timeout)}, unit: 'MINUTES')");
        line(3, "}");
        line(3, "input {");
        line(4, $"message 'Deploy this build to {job.Environment}?'");
        line(4, $"ok 'Deploy to {job.Environment}'");
        line(4, $"submitter '{approval.Submitter}'");
        line(3, "}");
        line(3, "steps {");
        line(4, $"milestone(ordinal: {milestone}, label: 'Approve {job.Environment}')");
        line(3, "}");
        line(2, "}");
    }

    private static void Stage(CiJob job, int milestone, bool scheduled, Action<int, string> line)
    {
        line(2, $"stage('{job.Title}') {{");
        When(job.Triggers, scheduled, "beforeAgent", line);
        line(3, "agent any");
        line(3, "options {");
        if (job.Environment is not null)
        {
            // A check waits for a deploy of its environment (it would see a half-applied state), and a deploy for it.
            line(4, $"lock('deploy-{job.Environment}')");
        }

        line(4, $"timeout(time: {Minutes(job.Timeout)}, unit: 'MINUTES')");
        line(3, "}");
        line(3, "steps {");
        if (job.Deploys)
        {
            line(4, $"milestone(ordinal: {milestone}, label: '{job.Title}')");
        }

        line(4, "// ./build.sh itself moves an earlier run's outputs out of its artifacts folder (to .build/previous/); a reused workspace still starts clean.");
        line(4, $"dir('{CiJob.DefaultArtifactsFolder}') {{ deleteDir() }}");
        var indent = 4;
        if (job.CloudAccess is { } access)
        {
            line(4, $"withCredentials([[$class: 'AmazonWebServicesCredentialsBinding', credentialsId: '{access.JenkinsCredentialsId}', accessKeyVariable: 'AWS_ACCESS_KEY_ID', secretKeyVariable: 'AWS_SECRET_ACCESS_KEY']]) {{");
            indent = 5;
        }

        foreach (var command in job.Commands)
        {
            if (job.ChecksOnly)
            {
                // One environment's drift fails the run, and the other environments are still checked.
                line(indent, "catchError(buildResult: 'FAILURE', stageResult: 'FAILURE') {");
                line(indent + 1, $"sh '{command.Line}'");
                line(indent, "}");
            }
            else
            {
                line(indent, $"sh '{command.Line}'");
            }
        }

        if (job.CloudAccess is not null)
        {
            line(4, "}");
        }

        line(3, "}");
        line(3, "post {");
        line(4, "always {");
        line(5, $"junit allowEmptyResults: true, testResults: '{job.JUnitFile}'");
        line(5, $"archiveArtifacts artifacts: '{job.ArtifactsFolder}/**', allowEmptyArchive: true");
        line(4, "}");
        line(3, "}");
        line(2, "}");
    }

    // A timer build is on main too: with a schedule, every other stage says it does not run on the timer.
    private static void When(IReadOnlyList<CiTrigger> triggers, bool scheduled, string before, Action<int, string> line)
    {
        var conditions = triggers.Where(trigger => trigger != CiTrigger.Schedule).Select(trigger => trigger switch
        {
            CiTrigger.PullRequest => "changeRequest()",
            CiTrigger.MainBranch => "branch 'main'",
            CiTrigger.VersionTag => "tag 'v*'",
            _ => throw new ArgumentOutOfRangeException(nameof(triggers), trigger, null),
        }).ToList();
        var everyChange = new[] { CiTrigger.PullRequest, CiTrigger.MainBranch, CiTrigger.VersionTag }.All(triggers.Contains);
        var onTimer = triggers.Contains(CiTrigger.Schedule);
        if (everyChange && !scheduled)
        {
            return;
        }

        line(3, "when {");
        line(4, $"{before} true");
        if (onTimer)
        {
            // main's timer only, even if another branch's job kept a timer from an older Jenkinsfile.
            line(4, "allOf {");
            line(5, "triggeredBy 'TimerTrigger'");
            line(5, "branch 'main'");
            line(4, "}");
        }
        else if (everyChange)
        {
            line(4, "not { triggeredBy 'TimerTrigger' }");
        }
        else if (scheduled)
        {
            line(4, "allOf {");
            line(5, "not { triggeredBy 'TimerTrigger' }");
            AnyOf(conditions, 5, line);
            line(4, "}");
        }
        else
        {
            AnyOf(conditions, 4, line);
        }

        line(3, "}");
    }

    private static void AnyOf(List<string> conditions, int indent, Action<int, string> line)
    {
        if (conditions.Count == 1)
        {
            line(indent, conditions[0]);
            return;
        }

        line(indent, "anyOf {");
        foreach (var condition in conditions)
        {
            line(indent + 1, condition);
        }

        line(indent, "}");
    }

    private static string Minutes(TimeSpan time) => ((int)time.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}

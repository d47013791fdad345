using System.Globalization;
using System.Text;

namespace Build.Stages.CiFiles;

/// <summary>
/// Renders the pipeline as a declarative Jenkinsfile: no agent at the top, so each job is a stage on an agent of its
/// own and an approval waits on none; a timeout for the run, each stage and the approval; no concurrent builds of a
/// branch; one lock per environment and a milestone in each deploy (an older build that reaches it after a newer one
/// is stopped); the approval an input stage with its submitter; AWS keys from a credentials binding; a clean
/// artifacts folder at the start of each stage; JUnit results and the stage's artifacts archived whatever happened.
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
                Approval(job, approval, milestone - 1, Line);
            }

            Stage(job, milestone, Line);
        }

        Line(1, "}");
        Line(0, "}");
        return text.ToString();
    }

    private static void Approval(CiJob job, CiApproval approval, int milestone, Action<int, string> line)
    {
        line(2, $"stage('Approve {job.Environment}') {{");
        When(job.Triggers, "beforeInput", line);
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

    private static void Stage(CiJob job, int milestone, Action<int, string> line)
    {
        line(2, $"stage('{job.Title}') {{");
        When(job.Triggers, "beforeAgent", line);
        line(3, "agent any");
        line(3, "options {");
        if (job.Deploys)
        {
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
            line(indent, $"sh '{command.Line}'");
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

    private static void When(IReadOnlyList<CiTrigger> triggers, string before, Action<int, string> line)
    {
        if (Enum.GetValues<CiTrigger>().All(triggers.Contains))
        {
            return;
        }

        var conditions = triggers.Select(trigger => trigger switch
        {
            CiTrigger.PullRequest => "changeRequest()",
            CiTrigger.MainBranch => "branch 'main'",
            CiTrigger.VersionTag => "tag 'v*'",
            _ => throw new ArgumentOutOfRangeException(nameof(triggers), trigger, null),
        }).ToList();
        line(3, "when {");
        line(4, $"{before} true");
        if (conditions.Count == 1)
        {
            line(4, conditions[0]);
        }
        else
        {
            line(4, "anyOf {");
            foreach (var condition in conditions)
            {
                line(5, condition);
            }

            line(4, "}");
        }

        line(3, "}");
    }

    private static string Minutes(TimeSpan time) => ((int)time.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}

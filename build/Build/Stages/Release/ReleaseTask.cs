using System.Text.Json;
using Build.Core;
using Build.Core.Notifications;
using Build.Core.Secrets;
using Build.Stages.Versioning;
using Build.Tools.Git;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Release;

[RunsAlone]
[TaskName("Release")]
[Notifies(PerEnvironment = false)]
[TaskDescription("Tags HEAD of the release branch vX.Y.Z (--version, or --bump from conventional commits) with grouped release notes and pushes the tag to origin.")]
[IsDependentOn(typeof(VersionTask))]
public sealed class ReleaseTask(ReleasePrecondition precondition) : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = precondition.Plan;
        var release = context.Parameters.Release;
        var notes = plan.Notes.ToMarkdown();
        context.EnsureDirectoryExists(context.Paths.ReleaseReports);
        context.WriteArtifact(context.Paths.ReleaseReports.CombineWithFilePath("notes.md"), notes);
        context.WriteArtifact(context.Paths.ReleaseReports.CombineWithFilePath("release.json"), JsonSerializer.Serialize(
            new
            {
                version = plan.Version.ToShortString(),
                tag = plan.Tag,
                commit = plan.Commit,
                previousTag = plan.Notes.PreviousTag,
                preview = release.Preview,
                pushed = !release.Preview && release.PushTag,
                counts = new
                {
                    breaking = plan.Notes.Count(ChangeKind.Breaking),
                    features = plan.Notes.Count(ChangeKind.Feature),
                    fixes = plan.Notes.Count(ChangeKind.Fix),
                    other = plan.Notes.Count(ChangeKind.Other),
                },
            },
            JsonDefaults.Indented));

        context.Information("Release {0} ({1}) of commit {2}:\n{3}", plan.Version.ToShortString(), plan.Tag, plan.Commit, notes);
        context.Report.AddOutput("release", plan.Tag);
        if (release.Preview)
        {
            context.Information("Preview only: no tag was created and nothing was pushed.");
            context.Report.KeepQuiet();
            return;
        }

        var git = new GitRepository(context.Paths.Root.FullPath);
        if (git.CreateAnnotatedTag(plan.Tag, notes) is { } tagError)
        {
            throw new CakeException($"git tag {plan.Tag} failed: {tagError}");
        }

        if (!release.PushTag)
        {
            context.Information("Created the annotated tag {0}; not pushed (--push-tag false): git push {1} {0} publishes it.", plan.Tag, plan.Remote);
            return;
        }

        if (git.PushTag(plan.Remote, plan.Tag) is { } pushError)
        {
            throw new CakeException($"Created the tag {plan.Tag} but could not push it to {plan.Remote}: {pushError} (retry with git push {plan.Remote} {plan.Tag}).");
        }

        context.Information("Created and pushed the annotated tag {0} to {1}: CI builds the release from it.", plan.Tag, plan.Remote);
    }
}

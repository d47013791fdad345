using Build.Core.Environments;
using Build.Stages.Push;
using Cake.Core;
using Cake.Frosting;

namespace Build.Core;

/// <summary>
/// What the stages of this run need from outside, checked in Setup so a missing piece fails in seconds rather than
/// after minutes of compiling and image building. Only stages that will run are checked (Cake's tasks to execute).
/// </summary>
public static class StagePreflight
{
    /// <summary>Before the context is set up: a stage the environment does not have is a usage error (exit 2, no report).</summary>
    public static void RefuseUnsupported(BuildContext context, IEnumerable<ICakeTaskInfo> tasks)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environment = context.BuildEnvironment;
        if (!environment.IsLocal && Includes(tasks, "Deploy"))
        {
            throw UsageError.Of($"Deploy to '{environment.Name}' (ECS) is not built yet; Deploy runs the local environment only. Use --target Push --environment {environment.Name} to publish the image.");
        }

        if (context.Parameters.Terraform.Offline && !environment.IsLocal && Includes(tasks, "Apply"))
        {
            throw UsageError.Of(
                "--terraform-backend local plans in offline mode (no account lookups, fake credentials), for review only: Apply never applies such a plan. "
                + "Use --target Plan with it, or apply with --terraform-backend s3 (or emulator, with AWS_ENDPOINT_URL set to an AWS-compatible endpoint).");
        }
    }

    /// <summary>After the context is set up: a cloud push needs a committed tree, credentials, the region and the repository.</summary>
    public static void Prepare(BuildContext context, IEnumerable<ICakeTaskInfo> tasks)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BuildEnvironment is not CloudEnvironment cloud || !Includes(tasks, "Push"))
        {
            return;
        }

        if (context.BuildVersion.IsDirty)
        {
            throw new CakeException($"The working tree has uncommitted changes: an image pushed to '{cloud.Name}' must be one a commit describes; commit or stash them (git status lists them), then push.");
        }

        context.Ecr = EcrSession.OpenAsync(context, cloud, Interruption.Current.Token).GetAwaiter().GetResult();
    }

    private static bool Includes(IEnumerable<ICakeTaskInfo> tasks, string name) => tasks.Any(task => task.Name == name);
}

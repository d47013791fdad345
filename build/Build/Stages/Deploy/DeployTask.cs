using Build.Core;
using Build.Core.Environments;
using Build.Core.Notifications;
using Build.Stages.Deploy.Ecs;
using Build.Stages.Infrastructure;
using Build.Stages.Push;
using Cake.Frosting;

namespace Build.Stages.Deploy;

[RunsAlone]
[TaskName("Deploy")]
[Notifies(GitHubDeployment = true)]
[TaskDescription("Deploys the pushed (or promoted) image by digest, after every gate: local: this machine's container (/health within --health-timeout, smoke test, previous container restored on failure); dev/staging/prod: a new ECS task definition revision, our deployment followed to COMPLETED, smoke test through the service URL, rollback on failure; artifacts/deploy/<env>.json.")]
[IsDependentOn(typeof(PushTask))]
[IsDependentOn(typeof(ApplyTask))]
public sealed class DeployTask : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var image = ImageToDeploy.Resolve(context);
        var record = context.Paths.DeployRecord(context.BuildEnvironment.Name);

        // The record says what runs; after a failed deploy an older one would say something false.
        if (File.Exists(record.FullPath))
        {
            File.Delete(record.FullPath);
        }

        if (context.BuildEnvironment is CloudEnvironment cloud)
        {
            await EcsDeployStep.RunAsync(context, cloud, image, record);
        }
        else
        {
            await LocalDeployStep.RunAsync(context, image, record);
        }
    }

    /// <summary>The service's container on this machine, e.g. app-local (team/app becomes team-app-local).</summary>
    public static string ContainerNameOf(string repository, string environment) => $"{repository.Replace('/', '-')}-{environment}";
}

using Build.Core;
using Build.Core.Gates;
using Build.Stages.Image;
using Build.Stages.Push;
using Cake.Common.Diagnostics;
using Cake.Frosting;

namespace Build.Stages.Deploy;

[TaskName("Deploy")]
[TaskDescription("Runs the pushed image (by digest) as this machine's service container (local environment): /health within --health-timeout and a smoke test, else the previous container is restored and the build fails; artifacts/deploy/local.json.")]
[IsDependentOn(typeof(PushTask))]
public sealed class DeployTask : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        DockerEngineCheck.Require(context);
        var paths = ImagePaths.From(context.Paths);
        var image = ImageRecordFile.Resolve(context);
        var reference = context.Results.TryGet<PushedImage>()?.Reference ?? PushedImageFile.ReadReference(paths.PushedFile, image, context.BuildEnvironment.Name);
        GateEvidence.Require(context, $"Deploy to {context.BuildEnvironment.Name}", image.Id);
        var record = context.Paths.DeployRecord(context.BuildEnvironment.Name);

        // The record says what runs; after a failed deploy an older one would say something false.
        if (File.Exists(record.FullPath))
        {
            File.Delete(record.FullPath);
        }
        var parameters = context.Parameters.Deploy;
        var request = new LocalDeployRequest(
            reference,
            image.Labels.GetValueOrDefault(OciLabels.Version),
            ContainerNameOf(image.Repository, context.BuildEnvironment.Name),
            parameters.Port,
            parameters.HealthTimeout);
        context.Information("Deploying {0} as container {1} on {2}", reference, request.ContainerName, request.Url);

        var deployment = await LocalDeployer.DeployAsync(context, request, Interruption.Current.Token);

        DeployRecordFile.Write(record, context.BuildEnvironment.Name, deployment);
        context.Results.Set(deployment);
        var replaced = deployment.PreviousImage is null ? "" : $", replacing {deployment.PreviousImage}";
        context.Information("Deployed {0} at {1}: healthy after {2:0.0} s; {3}{4}.", deployment.Version, deployment.Url, deployment.TimeToHealthy.TotalSeconds, string.Join("; ", deployment.Checks), replaced);
        context.Report.AddOutput("url", deployment.Url.ToString());
        context.Report.AddOutput("image", deployment.Image);
        context.Report.AddOutput("healthy after", $"{deployment.TimeToHealthy.TotalSeconds:0.0} s");
    }

    /// <summary>The service's container on this machine, e.g. app-local (team/app becomes team-app-local).</summary>
    public static string ContainerNameOf(string repository, string environment) => $"{repository.Replace('/', '-')}-{environment}";
}

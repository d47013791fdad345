using Build.Core;
using Build.Stages.Image;
using Cake.Common.Diagnostics;
using Cake.Core.IO;
using Cake.Frosting;

namespace Build.Stages.Deploy;

/// <summary>Deploy for the local environment: the pushed digest as this machine's service container (<see cref="LocalDeployer"/>).</summary>
public static class LocalDeployStep
{
    public static async Task RunAsync(BuildContext context, ImageToDeploy image, FilePath record)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        DockerEngineCheck.Require(context);
        var reference = image.Reference;
        var parameters = context.Parameters.Deploy;
        var request = new LocalDeployRequest(
            reference,
            image.Version,
            DeployTask.ContainerNameOf(image.ImageRepository ?? context.Parameters.Image.Repository, context.BuildEnvironment.Name),
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
}

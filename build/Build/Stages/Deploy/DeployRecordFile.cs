using System.Text.Json;
using Build.Core;
using Build.Stages.Deploy.Ecs;
using Cake.Core.IO;

namespace Build.Stages.Deploy;

/// <summary>artifacts/deploy/&lt;env&gt;.json: what runs now, where, and what it replaced.</summary>
public static class DeployRecordFile
{
    public static void Write(FilePath file, string environment, LocalDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(deployment);
        Directory.CreateDirectory(file.GetDirectory().FullPath);
        File.WriteAllText(file.FullPath, JsonSerializer.Serialize(
            new
            {
                environment,
                image = deployment.Image,
                version = deployment.Version,
                container = deployment.ContainerName,
                containerId = deployment.ContainerId,
                url = deployment.Url.ToString(),
                previousImage = deployment.PreviousImage,
                secondsToHealthy = Math.Round(deployment.TimeToHealthy.TotalSeconds, 1),
                checks = deployment.Checks,
            },
            JsonDefaults.Indented));
    }

    /// <summary>An ECS deploy that completed and passed the smoke test: where, which revisions, how long, which calls.</summary>
    public static void Write(FilePath file, string environment, EcsDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(deployment);
        Directory.CreateDirectory(file.GetDirectory().FullPath);
        File.WriteAllText(file.FullPath, JsonSerializer.Serialize(
            new
            {
                environment,
                outcome = "deployed",
                cluster = deployment.Cluster,
                service = deployment.Service,
                deploymentId = deployment.DeploymentId,
                strategy = deployment.Strategy,
                productionTrafficSteps = deployment.ProductionTrafficSteps,
                taskDefinition = deployment.TaskDefinitionArn,
                previousTaskDefinition = deployment.PreviousTaskDefinitionArn,
                image = deployment.Image,
                version = deployment.Version,
                url = deployment.ServiceUrl.ToString(),
                seconds = new
                {
                    register = Math.Round(deployment.Timings.Register.TotalSeconds, 1),
                    rollout = Math.Round(deployment.Timings.Rollout.TotalSeconds, 1),
                    smoke = Math.Round(deployment.Timings.Smoke.TotalSeconds, 1),
                    total = Math.Round(deployment.Timings.Total.TotalSeconds, 1),
                },
                polls = deployment.Polls,
                apiCalls = deployment.ApiCalls,
                checks = deployment.Checks,
                preDeployTasks = deployment.PreDeployRuns.Select(run => new
                {
                    name = run.Name,
                    command = run.Command,
                    taskId = run.TaskId,
                    exitCode = 0,
                    seconds = Math.Round(run.Elapsed.TotalSeconds, 1),
                    logs = run.Logs?.ConsoleUrl.ToString(),
                }),
            },
            JsonDefaults.Indented));
    }
}

using Build.Core;
using Build.Stages.Deploy;
using Cake.Common.Diagnostics;
using Cake.Frosting;

namespace Build.Stages;

[TaskName("Default")]
[TaskDescription("The main job: the whole gated local pipeline (lint, tests + coverage, accessibility, image + scan, push to the local registry, deploy as a local container), ending with the service's URL.")]
[IsDependentOn(typeof(DeployTask))]
public sealed class DefaultTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var deployed = context.Results.Get<LocalDeployment>();
        context.Information("The service is running at {0} (health: {0}health). Stop it: docker rm -f {1}", deployed.Url, deployed.ContainerName);
    }
}

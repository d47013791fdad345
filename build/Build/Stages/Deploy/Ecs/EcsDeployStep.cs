using System.Globalization;
using Build.Core;
using Build.Core.Environments;
using Build.Stages.Infrastructure;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecs;
using Build.Tools.Aws.Ssm;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;
using Cake.Frosting;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Deploy for a cloud environment: the pushed digest as a new revision of the service's task definition, our
/// deployment followed to COMPLETED, the smoke test through the environment's URL, our rollback when it fails
/// (<see cref="EcsDeployer"/>); the record is written only on success.
/// </summary>
public static class EcsDeployStep
{
    public static async Task RunAsync(BuildContext context, CloudEnvironment cloud, ImageToDeploy image, FilePath record)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(image);
        var reference = image.Reference;
        var target = AppliedInfrastructureFile.Resolve(context);
        var url = ServiceUrl(target);
        ProductionApproval.Require(context, $"Deploy {image.Version ?? reference} to prod ({target.Cluster}/{target.Service})", "Deploying to prod");
        var testUrl = target.TestUrl is { Length: > 0 } test ? ToUrl(target, test, "test_url") : null;
        var hook = testUrl is not null && target.Strategy is { ShiftsTraffic: true } ? target.TestTrafficGate : null;
        var request = new EcsDeployRequest(
            target.Cluster, target.Service, target.Container, reference, image.Version, url, context.Parameters.Deploy.Timeout, target.Strategy, testUrl, hook, target.PreDeploy, target.Secrets);
        var scheduled = target.Strategy?.ScheduledWait() ?? TimeSpan.Zero;
        context.Information(
            "Deploying {0} to ECS service {1} in {2} (container {3}){4}; {7}waiting up to {5:0} s for the rollout{6}.",
            reference,
            request.Target,
            cloud.Region,
            target.Container,
            target.Strategy is null ? "" : EcsDeployer.Describe(target.Strategy) + GateNote(testUrl, hook),
            request.Timeout.TotalSeconds,
            scheduled > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $" plus the strategy's {scheduled.TotalMinutes:0} min of bake time") : "",
            PreDeployIntro(target.PreDeploy));

        var client = new EcsClient(cloud.AwsSettingsFor(AwsService.Ecs, Environment.GetEnvironmentVariable), context.Secrets, context.Log);
        using var progress = DeployProgress.For(context);
        var ssm = hook is null ? null : new SsmClient(cloud.AwsSettingsFor(AwsService.Ssm, Environment.GetEnvironmentVariable), context.Secrets, context.Log);
        var deployer = new EcsDeployer(client, SmokeTest.RunAsync, progress.Report, TimeProvider.System, ssm: ssm);
        EcsDeployment deployment;
        try
        {
            deployment = await deployer.DeployAsync(request, Interruption.Current.Token);
        }
        catch (EcsPreDeployInterruptedException stopped) when (Interruption.Current.IsRequested)
        {
            progress.Finish();
            throw new CakeException($"Deploy of {reference} to {request.Target} interrupted before the service was updated: {stopped.Message}");
        }
        catch (OperationCanceledException) when (Interruption.Current.IsRequested)
        {
            // Nothing stops an ECS deployment from here: the build stops following it, and says where it stands.
            progress.Finish();
            throw new CakeException(
                $"ECS goes on with deployment of {reference} to {request.Target} (last seen: {progress.LastLine ?? "not started"}); "
                + $"follow it with 'aws ecs describe-services --cluster {target.Cluster} --services {target.Service}'"
                + (target.Strategy is { ShiftsTraffic: true } ? $" (and 'aws ecs list-service-deployments --cluster {target.Cluster} --service {target.Service}' for its {target.Strategy.Strategy} lifecycle)" : "")
                + "; no deploy record was written.");
        }
        catch (EcsDeployFailedException failed)
        {
            progress.Finish();
            context.Report.AddOutput("outcome", failed.RolledBack ? $"failed, rolled back: {failed.RunningTaskDefinition} runs" : $"failed ({failed.Kind})");
            context.Report.AddOutput("api calls", Calls(failed.ApiCalls));
            throw new CakeException(failed.Message, failed);
        }

        progress.Finish();
        DeployRecordFile.Write(record, cloud.Name, deployment);
        context.Results.Set(deployment);
        var timings = deployment.Timings;
        context.Information(
            "Deployed {0} to {1}/{2}: {3} (was {4}); {9}rollout {5:0} s, smoke test {6:0.0} s, {7:0} s in all; {8}.",
            deployment.Version ?? reference,
            deployment.Cluster,
            deployment.Service,
            deployment.TaskDefinitionArn,
            deployment.PreviousTaskDefinitionArn,
            timings.Rollout.TotalSeconds,
            timings.Smoke.TotalSeconds,
            timings.Total.TotalSeconds,
            string.Join("; ", deployment.Checks),
            string.Concat(deployment.PreDeployRuns.Select(run => $"{run}, ")));
        context.Report.AddSection($"Deploy to {cloud.Name}", Section(deployment));
        context.Report.AddOutput("url", deployment.ServiceUrl.ToString());
        context.Report.AddOutput("task definition", deployment.TaskDefinitionArn);
        context.Report.AddOutput("deployment", deployment.DeploymentId);
        context.Report.AddOutput("api calls", Calls(deployment.ApiCalls));
    }

    /// <summary>"before UpdateService, one-off tasks from the new revision: backup ('backup'), then migration ('migrate'), up to 1800 s each; " or "".</summary>
    private static string PreDeployIntro(PreDeployTasks? preDeploy) => preDeploy is not { Tasks.Count: > 0 }
        ? ""
        : string.Create(
            CultureInfo.InvariantCulture,
            $"before UpdateService, one-off tasks from the new revision: {string.Join(", then ", preDeploy.Tasks.Select(task => $"{task.Name} ('{task.CommandLine}')"))}, up to {preDeploy.TimeoutSeconds} s each; ");

    private static string GateNote(Uri? testUrl, EcsTestTrafficGate? hook) => (testUrl, hook) switch
    {
        (null, _) => ", no test listener",
        (_, null) => $", test listener {testUrl} (gate by polling: no lifecycle hook recorded by Apply, nothing holds production traffic for the smoke test)",
        _ => $", test listener {testUrl} (gate held by lifecycle hook {hook.FunctionName} in {EcsTestTrafficGate.Stage}, verdict under {hook.VerdictParameterPrefix})",
    };

    private static Uri ServiceUrl(AppliedInfrastructure target) => ToUrl(target, target.PublicUrl, "public_url");

    private static Uri ToUrl(AppliedInfrastructure target, string value, string output) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new CakeException($"The infrastructure of '{target.Environment}' records no usable {(output == "public_url" ? "service" : "test listener")} URL ({output} '{value}'): run the Apply target again.");

    private static string Calls(IReadOnlyDictionary<string, int> calls) =>
        string.Join(", ", calls.OrderBy(call => call.Key, StringComparer.Ordinal).Select(call => $"{call.Key} {call.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Steps(EcsDeployment deployment) => deployment.ProductionTrafficSteps.Count == 0
        ? ""
        : "; production traffic " + string.Join(" → ", deployment.ProductionTrafficSteps.Select(step => step.ToString("0.#", CultureInfo.InvariantCulture) + "%"));

    private static string Section(EcsDeployment deployment) =>
        $"""
        | | |
        |---|---|
        | service | `{deployment.Cluster}/{deployment.Service}` |
        | image | `{deployment.Image}` |
        | task definition | `{deployment.TaskDefinitionArn}` (was `{deployment.PreviousTaskDefinitionArn}`) |
        | deployment | `{deployment.DeploymentId}`: {(deployment.Strategy is { } strategy ? $"{strategy}, " : "")}{(deployment.Strategy is null or "ROLLING" ? "COMPLETED" : "SUCCESSFUL")} after {deployment.Timings.Rollout.TotalSeconds:0} s, {deployment.Polls} polls{Steps(deployment)} |
        | before traffic moved | {(deployment.PreDeployRuns.Count == 0 ? "no pre-deploy tasks" : string.Join("; ", deployment.PreDeployRuns.Select(run => run.Logs is null ? run.ToString() : $"{run} ([logs]({run.Logs.ConsoleUrl}))")))} |
        | smoke test | {string.Join("; ", deployment.Checks)} |
        | API calls | {Calls(deployment.ApiCalls)} |
        """;
}

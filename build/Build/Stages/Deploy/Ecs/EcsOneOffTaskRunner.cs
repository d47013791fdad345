using System.Globalization;
using Build.Core.Reporting;
using Build.Stages.Infrastructure;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Runs one pre-deploy command (a migration, prod's backup) as a one-off Fargate task of the NEW revision, in the
/// service's subnets and security groups, and waits for it with DescribeTasks until STOPPED: exit 0 of the container is
/// success; a non-zero exit, a task that never started (RunTask failures, stopCode TaskFailedToStart, no exit code) or
/// the timeout fail with the exit code and stoppedReason. A timeout or an interrupt stops the task (StopTask) first.
/// </summary>
public sealed class EcsOneOffTaskRunner
{
    /// <summary>How the tasks this runner starts are tagged (startedBy "app-build/migration"), so a rollout's failure report can leave them out.</summary>
    public const string StartedByPrefix = "app-build/";

    private const int StartedByLength = 36;

    private readonly IEcsClient _ecs;
    private readonly TimeProvider _clock;
    private readonly EcsDeployOptions _options;
    private readonly Action<EcsProgress> _progress;

    public EcsOneOffTaskRunner(IEcsClient ecs, TimeProvider clock, EcsDeployOptions options, Action<EcsProgress> progress)
    {
        _ecs = ecs ?? throw new ArgumentNullException(nameof(ecs));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    /// <summary>
    /// Runs <paramref name="task"/> from <paramref name="revision"/> for the deploy <paramref name="request"/>, which would
    /// replace <paramref name="running"/>; returns when it exited 0, else throws <see cref="EcsDeployFailedException"/>
    /// (<see cref="EcsDeployFailureKind.PreDeployTaskFailed"/>) or, interrupted, <see cref="EcsPreDeployInterruptedException"/>.
    /// </summary>
    public async Task<EcsOneOffTaskRun> RunAsync(
        EcsDeployRequest request, EcsTaskDefinition revision, string running, PreDeployTask task, PreDeployTasks settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(settings);
        var context = new Failure(request, revision, running, task);
        var started = _clock.GetTimestamp();
        var run = new EcsRunTaskRequest(request.Cluster, revision.Arn, request.Container, task.Command, settings.Subnets, settings.SecurityGroups, StartedBy(task.Name));
        var answer = await _ecs.RunTaskAsync(run, cancellation).ConfigureAwait(false);
        if (answer.Task is not { } ecsTask)
        {
            throw context.Exception($"never started: RunTask failed: {Bounded.List(answer.Failures, "; ")}", logs: null);
        }

        var id = ecsTask.Id;
        var logs = CloudWatchLogsLink.For(revision, request.Container, id);
        context.TaskId = id;
        Report($"{task.Name}: task {id} started from {revision} ('{task.CommandLine}', subnets {string.Join(", ", settings.Subnets)}, security groups {string.Join(", ", settings.SecurityGroups)}); logs: {(logs is null ? "the container has no awslogs log configuration" : logs.ToString())}");

        try
        {
            var stopped = await WaitForStopAsync(request.Cluster, ecsTask, task.Name, settings.Timeout, started, cancellation).ConfigureAwait(false);
            var elapsed = _clock.GetElapsedTime(started);
            if (stopped is null)
            {
                await StopAsync(request.Cluster, ecsTask.Arn, $"Deploy: {task.Name} did not finish within {Seconds(settings.Timeout)} s").ConfigureAwait(false);
                throw context.Exception($"did not stop within {Seconds(settings.Timeout)} s (timeoutSeconds in pre_deploy_tasks); the build stopped it (StopTask)", logs);
            }

            var container = stopped.Container(request.Container);
            if (container?.ExitCode is 0)
            {
                Report($"{task.Name} task {id}: STOPPED, exit 0 in {Seconds(elapsed)} s");
                return new EcsOneOffTaskRun(task.Name, id, task.CommandLine, elapsed, logs);
            }

            throw context.Exception(Verdict(stopped, container), logs);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Not cancelled by the interrupt itself: stopping the task is how an interrupted pre-deploy step ends cleanly.
            var stop = await StopAsync(request.Cluster, ecsTask.Arn, $"Deploy of {request.Target} was interrupted").ConfigureAwait(false);
            throw new EcsPreDeployInterruptedException(
                $"the {task.Name} task {id} ('{task.CommandLine}') was {stop}; {request.Target} was not updated and still runs {EcsArns.ShortTaskDefinition(running)}; no deploy record was written.",
                cancellation);
        }
    }

    /// <summary>"exited 1: Essential container in task exited (container app: ...)" or "never started (TaskFailedToStart): CannotPullContainerError: ...".</summary>
    public static string Verdict(EcsTask stopped, EcsTaskContainer? container)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        var reason = string.IsNullOrWhiteSpace(stopped.StoppedReason) ? "ECS gave no stoppedReason" : Bounded.Text(stopped.StoppedReason.Trim(), 300);
        var containerReason = string.IsNullOrWhiteSpace(container?.Reason) ? "" : $" (container {container.Name}: {Bounded.Text(container.Reason.Trim(), 200)})";
        return container?.ExitCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"exited {code}: {reason}{containerReason}")
            : $"never started ({stopped.StopCode ?? "no stopCode"}, no exit code): {reason}{containerReason}";
    }

    /// <summary>DescribeTasks until STOPPED; null when the time ran out first.</summary>
    private async Task<EcsTask?> WaitForStopAsync(string cluster, EcsTask task, string name, TimeSpan timeout, long started, CancellationToken cancellation)
    {
        var interval = new PollInterval(_options.MinPollInterval, _options.MaxPollInterval, _options.PollGrowth);
        var last = task.LastStatus;
        var failedPolls = 0;
        var polls = 0;
        while (true)
        {
            var changed = false;
            try
            {
                polls++;
                var seen = await _ecs.DescribeTasksAsync(cluster, [task.Arn], cancellation).ConfigureAwait(false);
                failedPolls = 0;
                if (seen.FirstOrDefault(candidate => candidate.Arn == task.Arn) is { } current)
                {
                    changed = current.LastStatus != last;
                    last = current.LastStatus;
                    if (current.IsStopped)
                    {
                        return current;
                    }

                    _progress(new EcsProgress($"{name} task {task.Id}: {current.LastStatus ?? "no status"}, {Seconds(_clock.GetElapsedTime(started))} s", IsPoll: true, changed));
                }
                else if (polls >= _options.FailedPollsTolerated)
                {
                    // Right after RunTask, DescribeTasks may not know the task yet; for longer it is gone.
                    throw new AwsServiceException($"ECS DescribeTasks does not know task {task.Arn} after {polls.ToString(CultureInfo.InvariantCulture)} polls.");
                }
            }
            catch (AwsRetriesExhaustedException unanswered) when (++failedPolls < _options.FailedPollsTolerated)
            {
                _progress(new EcsProgress($"{name} task {task.Id}: poll got no answer ({unanswered.ErrorCode}); polling on", IsPoll: true, Changed: true));
            }

            var waited = _clock.GetElapsedTime(started);
            if (waited >= timeout)
            {
                return null;
            }

            var wait = interval.Next(changed);
            var remaining = timeout - waited;
            await Task.Delay(remaining < wait ? remaining : wait, _clock, cancellation).ConfigureAwait(false);
        }
    }

    private async Task<string> StopAsync(string cluster, string taskArn, string reason)
    {
        try
        {
            await _ecs.StopTaskAsync(cluster, taskArn, reason, CancellationToken.None).ConfigureAwait(false);
            return "stopped (StopTask)";
        }
        catch (AwsServiceException failed)
        {
            return $"not stopped, StopTask failed ({failed.Message}): stop it with 'aws ecs stop-task --cluster {cluster} --task {taskArn}'";
        }
    }

    /// <summary>"app-build/migration" (startedBy takes at most 36 characters).</summary>
    private static string StartedBy(string name)
    {
        var tag = StartedByPrefix + name;
        return tag.Length > StartedByLength ? tag[..StartedByLength] : tag;
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    private void Report(string line) => _progress(new EcsProgress(line, IsPoll: false, Changed: true));

    /// <summary>How a failed pre-deploy task is told: one line, before any traffic moved.</summary>
    private sealed class Failure(EcsDeployRequest request, EcsTaskDefinition revision, string running, PreDeployTask task)
    {
        public string? TaskId { get; set; }

        public EcsDeployFailedException Exception(string what, CloudWatchLogsLink? logs) => new(
            EcsDeployFailureKind.PreDeployTaskFailed,
            $"Deploy of {request.Image} to ECS service {request.Target} stopped before the service was updated: the {task.Name} task{(TaskId is null ? "" : " " + TaskId)} ({revision}, '{task.CommandLine}') {what}"
            + (logs is null ? "" : $"; logs: {logs.ConsoleUrl}")
            + $"; {request.Target} still runs {EcsArns.ShortTaskDefinition(running)} ({revision} is registered but unused): fix the {task.Name} and deploy again.")
        {
            RunningTaskDefinition = running,
            NewTaskDefinition = revision.Arn,
        };
    }
}

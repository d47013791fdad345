using System.Globalization;
using System.Text.Json.Serialization;
using Cake.Core;

namespace Build.Stages.Infrastructure;

/// <summary>
/// What terraform's <c>pre_deploy_tasks</c> output says Deploy runs before traffic moves: the one-off tasks in order
/// (prod's backup, then the migration), the service's subnets and security groups they run in, and how long each may
/// take. No tasks: Deploy runs none.
/// </summary>
public sealed record PreDeployTasks(
    IReadOnlyList<PreDeployTask> Tasks,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups,
    int TimeoutSeconds)
{
    /// <summary>The terraform output that carries these settings.</summary>
    public const string Output = "pre_deploy_tasks";

    /// <summary>Gets how long one task may take, from RunTask to STOPPED.</summary>
    [JsonIgnore]
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Reads the output; null when it is missing (infrastructure applied before it existed) or names no task.</summary>
    public static PreDeployTasks? From(TerraformOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var read = outputs.ReadJson<PreDeployTasks>(Output, "a list of pre-deploy tasks");
        if (read is null)
        {
            return null;
        }

        if (read is null)
        {
            throw new CakeException($"terraform output {Output} is empty: check terraform/outputs.tf.");
        }

        if (read.Problems() is { Count: > 0 } problems)
        {
            throw new CakeException($"terraform output {Output} cannot be run: {string.Join("; ", problems)}; check pre_deploy_command and pre_deploy_backup_command in the environment's tfvars.");
        }

        return read.Tasks.Count == 0 ? null : read;
    }

    /// <summary>What makes these tasks impossible to run; empty when they can be.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var task in Tasks ?? [])
        {
            if (string.IsNullOrWhiteSpace(task?.Name))
            {
                problems.Add("a task without a name");
            }
            else if (task.Command is not { Count: > 0 } command || command.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"task '{task.Name}' has an empty command or an empty word in it");
            }
        }

        if (Tasks is { Count: > 0 })
        {
            if (Subnets is not { Count: > 0 })
            {
                problems.Add("no subnets to run the tasks in");
            }

            if (SecurityGroups is not { Count: > 0 })
            {
                problems.Add("no security group for the tasks");
            }

            if (TimeoutSeconds <= 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"timeoutSeconds {TimeoutSeconds} is not positive"));
            }
        }

        return problems;
    }
}

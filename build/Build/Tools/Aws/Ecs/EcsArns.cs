namespace Build.Tools.Aws.Ecs;

/// <summary>Reads the parts of ECS ARNs the deploy names in messages.</summary>
public static class EcsArns
{
    /// <summary>"arn:aws:ecs:eu-west-1:123456789012:task-definition/app-dev:7" is "app-dev:7"; anything else is itself.</summary>
    public static string ShortTaskDefinition(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        const string marker = ":task-definition/";
        var at = arn.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? arn : arn[(at + marker.Length)..];
    }

    /// <summary>The family of a task definition ARN or "family:revision" ("app-dev").</summary>
    public static string Family(string taskDefinition)
    {
        var name = ShortTaskDefinition(taskDefinition);
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[..colon];
    }

    /// <summary>The last part of an ARN: a task's id ("arn:aws:ecs:...:task/cluster/0a1b2c" is "0a1b2c").</summary>
    public static string LastPart(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return arn[(arn.LastIndexOf('/') + 1)..];
    }
}

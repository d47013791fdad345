namespace Build.Tools.Aws.Ecs;

/// <summary>The ECS operations the build calls (the part after the dot of X-Amz-Target).</summary>
public static class EcsOperations
{
    public const string DescribeServices = nameof(DescribeServices);
    public const string DescribeTaskDefinition = nameof(DescribeTaskDefinition);
    public const string RegisterTaskDefinition = nameof(RegisterTaskDefinition);
    public const string UpdateService = nameof(UpdateService);
    public const string ListTasks = nameof(ListTasks);
    public const string DescribeTasks = nameof(DescribeTasks);
    public const string ListServiceDeployments = nameof(ListServiceDeployments);
    public const string DescribeServiceDeployments = nameof(DescribeServiceDeployments);
    public const string StopServiceDeployment = nameof(StopServiceDeployment);
    public const string RunTask = nameof(RunTask);
    public const string StopTask = nameof(StopTask);
}

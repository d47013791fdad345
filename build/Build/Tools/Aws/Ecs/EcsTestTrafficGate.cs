namespace Build.Tools.Aws.Ecs;

/// <summary>
/// The test-traffic gate terraform made for an environment (output <c>test_traffic_gate</c>): the Lambda function ECS
/// invokes as a POST_TEST_TRAFFIC_SHIFT lifecycle hook, the role it invokes it with, and the SSM parameter prefix under
/// which Deploy writes its smoke-test verdict (the parameter is the prefix plus the service deployment's id).
/// </summary>
public sealed record EcsTestTrafficGate(string FunctionArn, string RoleArn, string VerdictParameterPrefix)
{
    /// <summary>The one stage the gate holds a deployment in: test traffic is on the new revision, production is not.</summary>
    public const string Stage = EcsServiceDeploymentStatuses.PostTestTrafficShift;

    /// <summary>Gets the function's name (what follows ":function:" in its ARN), for messages.</summary>
    public string FunctionName => FunctionArn.IndexOf(":function:", StringComparison.Ordinal) is var at and >= 0 ? FunctionArn[(at + ":function:".Length)..] : FunctionArn;

    /// <summary>The hook UpdateService sends for it.</summary>
    public EcsLifecycleHook Hook() => new(FunctionArn, RoleArn, [Stage]);

    /// <summary>The SSM parameter that holds the verdict on <paramref name="serviceDeploymentArn"/>.</summary>
    public string VerdictParameter(string serviceDeploymentArn) => VerdictParameterPrefix + EcsArns.LastPart(serviceDeploymentArn);

    /// <summary>What makes the record unusable, one clause each (empty when it can be sent).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!FunctionArn.StartsWith("arn:", StringComparison.Ordinal) || !FunctionArn.Contains(":lambda:", StringComparison.Ordinal))
        {
            problems.Add($"functionArn '{FunctionArn}' is not a Lambda function ARN");
        }

        if (!RoleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"roleArn '{RoleArn}' is not an ARN");
        }

        if (!VerdictParameterPrefix.StartsWith('/') || !VerdictParameterPrefix.EndsWith('/'))
        {
            problems.Add($"verdictParameterPrefix '{VerdictParameterPrefix}' is not an SSM path (/.../)");
        }

        return problems;
    }
}

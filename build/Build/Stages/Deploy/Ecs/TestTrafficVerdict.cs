namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// The value of the SSM parameter the test-traffic gate's hook reads (terraform/lambda/test_traffic_gate.py): the
/// verdict ("pass" or "fail") on one service deployment and its target revision, which the hook matches against the
/// deployment it holds, so a verdict written for another deployment (a stale run's) never releases this one.
/// </summary>
public sealed record TestTrafficVerdict(string Verdict, string ServiceDeploymentArn, string? TargetServiceRevisionArn, string? Reason, DateTimeOffset WrittenAt)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
}

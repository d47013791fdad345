using System.Text.Json;
using Build.Core.Reporting;
using Build.Tools.Aws.Ecs;
using Build.Tools.Aws.Ssm;

namespace Build.Stages.Deploy.Ecs;

/// <summary>Writes the test-traffic gate's verdict on a held deployment where its lifecycle hook reads it (SSM, under the gate's prefix).</summary>
public sealed class TestTrafficVerdicts(ISsmClient ssm, EcsTestTrafficGate gate, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web);

    public EcsTestTrafficGate Gate { get; } = gate ?? throw new ArgumentNullException(nameof(gate));

    /// <summary>Writes "pass" (<paramref name="failure"/> null) or "fail" for <paramref name="held"/>; returns the parameter's name.</summary>
    public async Task<string> WriteAsync(EcsServiceDeploymentState held, string? failure, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(held);
        var name = Gate.VerdictParameter(held.Arn);
        var verdict = new TestTrafficVerdict(
            failure is null ? TestTrafficVerdict.Pass : TestTrafficVerdict.Fail,
            held.Arn,
            held.Target?.Arn is { Length: > 0 } revision ? revision : null,
            failure is null ? null : Bounded.Text(failure, 1000),
            clock.GetUtcNow());
        await ssm.PutParameterAsync(name, JsonSerializer.Serialize(verdict, Camel), $"Deploy's test-traffic verdict on {EcsArns.LastPart(held.Arn)}", cancellation).ConfigureAwait(false);
        return name;
    }
}

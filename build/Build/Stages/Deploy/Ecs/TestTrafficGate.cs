namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// The test-traffic gate of a traffic-shifting deployment: the smoke test through the test listener (null when it
/// passed, else why not) and, when the environment has the gate's lifecycle hook, where its verdict goes
/// (<see cref="Verdicts"/>): the hook then holds the deployment in POST_TEST_TRAFFIC_SHIFT until the verdict is written.
/// Without the hook the gate can only poll: it runs when a poll sees the test-traffic stages, and production traffic
/// may move before it has run.
/// </summary>
public sealed class TestTrafficGate(Func<CancellationToken, Task<string?>> smoke, TestTrafficVerdicts? verdicts)
{
    public Func<CancellationToken, Task<string?>> Smoke { get; } = smoke ?? throw new ArgumentNullException(nameof(smoke));

    public TestTrafficVerdicts? Verdicts { get; } = verdicts;

    /// <summary>Gets a value indicating whether a lifecycle hook holds the deployment for the verdict.</summary>
    public bool Holds => Verdicts is not null;
}

namespace Build.Tests.Host;

/// <summary>Collects what the test tasks did, in order.</summary>
public sealed class Recorder
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events => _events;

    public void Add(string name) => _events.Add(name);
}

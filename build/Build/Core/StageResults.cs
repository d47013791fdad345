using Cake.Core;

namespace Build.Core;

/// <summary>
/// What the stages of this run published, one typed record per kind: a stage sets its result once, later stages
/// read it. Asking for a result this run did not produce fails with the record's own line naming its producer.
/// </summary>
public sealed class StageResults
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> _results = [];

    /// <summary>Publishes <paramref name="result"/>; a second result of the same kind in one run is a bug and is refused.</summary>
    public void Set<T>(T result)
        where T : class, IStageResult
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_results.TryAdd(typeof(T), result))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} was already published in this run: a stage publishes its result once.");
        }
    }

    /// <summary>Gets the result of this run, or fails with <see cref="IStageResult.Missing"/>.</summary>
    public T Get<T>()
        where T : class, IStageResult =>
        TryGet<T>() ?? throw new CakeException(T.Missing);

    /// <summary>Gets the result of this run, or null when no stage of this run produced it.</summary>
    public T? TryGet<T>()
        where T : class, IStageResult =>
        _results.TryGetValue(typeof(T), out var result) ? (T)result : null;
}

namespace Build.Core;

/// <summary>A record a stage publishes once per run on <see cref="StageResults"/> for later stages to read.</summary>
public interface IStageResult
{
    /// <summary>Gets the one line a later stage fails with when this run did not produce the result: which target produces it.</summary>
    static abstract string Missing { get; }
}

namespace Build.Core.Gates;

/// <summary>The gates that passed in this run (the record files may also come from earlier runs).</summary>
public sealed class PassedGates : IStageResult
{
    private readonly Dictionary<ReleaseGate, GateRecord> _passed = [];

    public static string Missing => "No gate passed in this run.";

    public void Add(GateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _passed[record.Gate] = record;
    }

    public GateRecord? Find(ReleaseGate gate) => _passed.GetValueOrDefault(gate);
}

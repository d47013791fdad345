namespace Build.Core.Gates;

/// <summary>
/// artifacts/gates/&lt;gate&gt;.json: a gate passed for this commit and configuration. A later run (a later CI job that
/// downloaded the artifacts, or a push with --exclusive) trusts it for the same clean commit only.
/// </summary>
/// <param name="Gate">The gate that passed.</param>
/// <param name="Commit">The full commit the run built.</param>
/// <param name="Dirty">Whether the working tree had uncommitted changes (then the record proves nothing about the commit).</param>
/// <param name="Configuration">Release or Debug.</param>
/// <param name="Version">The SemVer of the run.</param>
/// <param name="PassedAt">When the gate passed (UTC).</param>
/// <param name="ImageId">For ImageScan: the image (config digest) that was scanned; null for the other gates.</param>
public sealed record GateRecord(ReleaseGate Gate, string Commit, bool Dirty, string Configuration, string Version, DateTimeOffset PassedAt, string? ImageId);

using Build.Tests.Support;

namespace Build.Tests.Bootstrap;

/// <summary>
/// build.ps1 and build.sh taking turns in one copy while a file under build/ is edited and reverted: each rebuilds when
/// the sources differ from what .build/bin was built from, whichever script built it, and runs it as it is otherwise.
/// A stale binary shows in --description, which prints the Version task's description as compiled.
/// </summary>
[Integration("PowerShell 7 (.NET tool)")]
public sealed class BootstrapRebuildTests : IDisposable
{
    private readonly BootstrapCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void Taking_turns_across_edits_and_reverts_never_runs_a_stale_binary()
    {
        AssertDescription(_copy.Sh("--description"), null);
        var built = _copy.BuiltAt;

        // Same sources: build.ps1 runs build.sh's build.
        AssertDescription(_copy.Ps1("--description"), null);
        Assert.Equal(built, _copy.BuiltAt);

        // build.ps1 rebuilds an edit; once it is reverted build.sh must rebuild too (it ran the edited binary before).
        _copy.EditVersionDescription("[edit A]");
        AssertDescription(_copy.Ps1("--description"), "[edit A]");
        _copy.RevertVersionDescription();
        AssertDescription(_copy.Sh("--description"), null);
        built = _copy.BuiltAt;
        AssertDescription(_copy.Ps1("--description"), null);
        Assert.Equal(built, _copy.BuiltAt);

        // The other way round: build.sh rebuilds an edit, build.ps1 rebuilds the revert.
        _copy.EditVersionDescription("[edit B]");
        AssertDescription(_copy.Sh("--description"), "[edit B]");
        _copy.RevertVersionDescription();
        AssertDescription(_copy.Ps1("--description"), null);
        built = _copy.BuiltAt;
        AssertDescription(_copy.Sh("--description"), null);
        Assert.Equal(built, _copy.BuiltAt);
    }

    // The Version task's description as the binary that ran has it, and the stamp of the sources it was built from.
    private void AssertDescription(BuildProcessRun run, string? marker)
    {
        var line = BootstrapCopy.VersionLine(run);
        Assert.Contains(marker is null ? BootstrapCopy.VersionDescription + " from" : $"{BootstrapCopy.VersionDescription} {marker} from", line, StringComparison.Ordinal);
        Assert.Equal(_copy.Fingerprint(), _copy.Stamp);
    }
}

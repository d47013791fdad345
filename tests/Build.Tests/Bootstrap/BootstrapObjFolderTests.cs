using Build.Tests.Support;

namespace Build.Tests.Bootstrap;

/// <summary>
/// A checkout under a folder named obj (~/obj/app): bin and obj are looked for in the path relative to the root, so
/// both scripts fingerprint its files and rebuild after an edit.
/// </summary>
[Integration("PowerShell 7 (.NET tool)")]
public sealed class BootstrapObjFolderTests : IDisposable
{
    private readonly BootstrapCopy _copy = new(under: "obj");

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void A_checkout_under_a_folder_named_obj_rebuilds_after_an_edit()
    {
        Assert.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", _copy.Root, StringComparison.Ordinal);
        Assert.Contains(BootstrapCopy.VersionDescription + " from", BootstrapCopy.VersionLine(_copy.Ps1("--description")), StringComparison.Ordinal);
        var before = _copy.Stamp;

        _copy.EditVersionDescription("[edit C]");

        Assert.Contains(BootstrapCopy.VersionDescription + " [edit C] from", BootstrapCopy.VersionLine(_copy.Ps1("--description")), StringComparison.Ordinal);
        Assert.NotEqual(before, _copy.Stamp);
        Assert.Equal(_copy.Fingerprint(), _copy.Stamp);

        // build.sh runs that build as it is.
        var built = _copy.BuiltAt;
        Assert.Contains(BootstrapCopy.VersionDescription + " [edit C] from", BootstrapCopy.VersionLine(_copy.Sh("--description")), StringComparison.Ordinal);
        Assert.Equal(built, _copy.BuiltAt);
    }
}

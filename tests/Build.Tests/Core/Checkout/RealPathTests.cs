using Build.Core.Checkout;
namespace Build.Tests.Core.Checkout;

/// <summary>Where a path really leads, as the operating system walks it (the basis of the --artifacts rule).</summary>
public sealed class RealPathTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("build-realpath-");

    public RealPathTests() => Directory.CreateDirectory(Path.Combine(_root.FullName, "a", "b"));

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Dot_dot_after_a_link_is_the_parent_of_the_link_target_not_of_the_link()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "link"), Path.Combine(_root.FullName, "a", "b"));

        Assert.Equal(Path.Combine(_root.FullName, "a", "x"), RealPath.Of(Path.Combine(_root.FullName, "link", "..", "x")));
    }

    [Fact]
    public void A_relative_link_is_followed_from_the_folder_that_holds_it_and_a_missing_tail_is_kept()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "a", "up"), "..");

        Assert.Equal(Path.Combine(_root.FullName, "new", "deeper"), RealPath.Of(Path.Combine(_root.FullName, "a", "up", "new", "deeper")));
    }

    [Fact]
    public void A_loop_of_links_is_an_error_not_a_hang()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "one"), "two");
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "two"), "one");

        Assert.Throws<IOException>(() => RealPath.Of(Path.Combine(_root.FullName, "one", "x")));
    }

    [Fact]
    public void Inside_means_below_not_a_sibling_with_the_same_prefix()
    {
        Assert.True(RealPath.IsInside("/repo/artifacts", "/repo"));
        Assert.False(RealPath.IsInside("/repository/artifacts", "/repo"));
        Assert.False(RealPath.IsInside("/repo", "/repo"));
    }
}

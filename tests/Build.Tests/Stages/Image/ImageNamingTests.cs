using Build.Core.Versioning;
using Build.Stages.Image;
using Cake.Core;

namespace Build.Tests.Stages.Image;

/// <summary>Tags, labels' source URL, the base tag and the layer split: the names an image gets.</summary>
public sealed class ImageNamingTests
{
    [Fact]
    public void Tags_are_the_version_and_the_12_character_commit_never_latest()
    {
        var version = new BuildVersion(new SemanticVersion(1, 4, 1, "alpha.0.3"), "0123456789abcdef0123456789abcdef01234567", 3, null, VersionSource.Height, false, false);

        Assert.Equal(["1.4.1-alpha.0.3", "0123456789ab"], ImageTags.For(version));
    }

    [Theory]
    [InlineData("alpha.0.3", "1.4.1-alpha.0.3.dirty.20261122021503")]
    [InlineData("", "1.4.1-dirty.20261122021503")]
    public void Uncommitted_changes_get_one_tag_of_their_own_so_they_never_collide_with_the_commits_image(string preRelease, string expected)
    {
        var version = new BuildVersion(new SemanticVersion(1, 4, 1, preRelease), "0123456789abcdef0123456789abcdef01234567", 3, null, VersionSource.Height, false, IsDirty: true);

        Assert.Equal([expected], ImageTags.For(version, new DateTimeOffset(2026, 11, 22, 2, 15, 3, TimeSpan.Zero)));
    }

    [Fact]
    public void A_version_that_cannot_be_a_tag_is_refused_in_one_line()
    {
        var version = new BuildVersion(new SemanticVersion(1, 0, 0), new string('a', 40), 0, null, VersionSource.Override, false, false) with { Commit = "latest" };

        var error = Assert.Throws<CakeException>(() => ImageTags.For(version));

        Assert.Contains("never tagged 'latest'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5000/app:1.0.0", "1.0.0")]
    [InlineData("app:latest", "latest")]
    [InlineData("127.0.0.1:5000/app", null)]
    [InlineData("app", null)]
    public void The_tag_of_a_reference_ignores_a_registry_port(string reference, string? expected)
    {
        Assert.Equal(expected, ImageTags.TagOf(reference));
    }

    [Theory]
    [InlineData("git@github.com:example/app.git", "https://github.com/example/app")]
    [InlineData("https://github.com/example/app.git", "https://github.com/example/app")]
    [InlineData("https://x-access-token:ghs_secret@github.com/example/app.git", "https://github.com/example/app")]
    [InlineData("ssh://git@git.example.com:2222/team/app.git", "https://git.example.com/team/app")]
    public void A_remote_becomes_a_browsable_url_without_credentials(string remote, string expected)
    {
        Assert.Equal(expected, SourceFacts.NormaliseRemote(remote));
    }

    [Fact]
    public void The_base_tag_follows_the_Debian_release()
    {
        Assert.Equal("app-base:debian12", BaseImageRecipe.Reference("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"));
    }

    [Fact]
    public void A_base_on_another_distribution_is_refused_with_the_way_out()
    {
        var error = Assert.Throws<CakeException>(() => BaseImageRecipe.Reference("PRETTY_NAME=\"Ubuntu 24.04 LTS\"\nID=ubuntu\nVERSION_ID=\"24.04\"\n"));

        Assert.Contains("needs a Debian host", error.Message, StringComparison.Ordinal);
        Assert.Contains("--base-image mcr.microsoft.com/dotnet/runtime-deps:10.0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("App", true)]
    [InlineData("App.dll", true)]
    [InlineData("App.deps.json", true)]
    [InlineData("App.staticwebassets.endpoints.json", true)]
    [InlineData("appsettings.json", true)]
    [InlineData("appsettings.Production.json", true)]
    [InlineData("wwwroot", true)]
    [InlineData("System.Private.CoreLib.dll", false)]
    [InlineData("libcoreclr.so", false)]
    [InlineData("Microsoft.AspNetCore.Mvc.Core.dll", false)]
    [InlineData("Application.Insights.dll", false)]
    public void The_app_layer_holds_the_app_and_its_content_and_the_runtime_layer_the_rest(string name, bool app)
    {
        Assert.Equal(app, ImageLayout.IsAppEntry(name, "App"));
    }

    [Fact]
    public void Split_moves_the_publish_output_into_the_two_layer_folders()
    {
        var root = Directory.CreateTempSubdirectory("build-tests-layout-").FullName;
        try
        {
            var publish = Path.Combine(root, "publish-output");
            Directory.CreateDirectory(Path.Combine(publish, "wwwroot", "css"));
            foreach (var file in new[] { "App", "App.dll", "appsettings.json", "System.Runtime.dll", "libclrjit.so", "wwwroot/css/site.css" })
            {
                File.WriteAllText(Path.Combine(publish, file), file);
            }

            var (runtime, app) = ImageLayout.Split(publish, Path.Combine(root, "context"), "App");

            Assert.Equal((2, 4), (runtime, app));
            Assert.True(File.Exists(Path.Combine(root, "context", "runtime", "libclrjit.so")));
            Assert.True(File.Exists(Path.Combine(root, "context", "app", "wwwroot", "css", "site.css")));
            Assert.Empty(Directory.EnumerateFileSystemEntries(publish));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

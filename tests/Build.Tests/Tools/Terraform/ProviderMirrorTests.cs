using Build.Tools.Terraform;

namespace Build.Tests.Tools.Terraform;

public sealed class ProviderMirrorTests : IDisposable
{
    private readonly DirectoryInfo _place = Directory.CreateTempSubdirectory("provider-mirror-");

    [Fact]
    public void The_variable_wins_and_set_but_empty_means_no_mirror()
    {
        AddMirror("tf-plugins");

        Assert.Equal("/named/mirror", ProviderMirror.Locate(Variable("/named/mirror"), [_place.FullName]));
        Assert.Null(ProviderMirror.Locate(Variable(""), [_place.FullName]));
    }

    [Fact]
    public void Unset_the_first_usual_place_holding_the_aws_provider_is_found_one_level_down()
    {
        Directory.CreateDirectory(Path.Combine(_place.FullName, "a-folder-without-providers"));
        var mirror = AddMirror("tf-plugins");

        Assert.Equal(mirror, ProviderMirror.Locate(Variable(null), ["/nonexistent/place", _place.FullName]));
    }

    [Fact]
    public void Unset_with_no_mirror_anywhere_is_none()
    {
        Directory.CreateDirectory(Path.Combine(_place.FullName, "registry.terraform.io", "hashicorp", "random"));

        Assert.Null(ProviderMirror.Locate(Variable(null), [_place.FullName]));
    }

    public void Dispose() => _place.Delete(recursive: true);

    private static Func<string, string?> Variable(string? value) => name => name == ProviderMirror.Variable ? value : null;

    private string AddMirror(string name)
    {
        var mirror = Path.Combine(_place.FullName, name);
        Directory.CreateDirectory(Path.Combine(mirror, "registry.terraform.io", "hashicorp", "aws", "5.100.0", "linux_amd64"));
        return mirror;
    }
}

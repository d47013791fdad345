using System.Text;
using Build.Tools.Docker;
using Cake.Core;

namespace Build.Tests.Tools.Docker;

public sealed class DockerRegistryLoginTests : IDisposable
{
    private const string Password = "eyJwYXlsb2FkIjoiRUNSIHRva2VuIn0-very-secret";

    private readonly DockerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void The_password_goes_to_standard_input_and_never_to_the_command_line()
    {
        _fixture.ProcessRunner.Returns(0, "Login Succeeded");

        _fixture.Login().Login("123456789012.dkr.ecr.eu-west-1.amazonaws.com", Password, new DockerLoginSettings { Username = "AWS" });

        Assert.Equal("login --username \"AWS\" --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com", _fixture.Args);
        Assert.DoesNotContain(Password, _fixture.Args, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, _fixture.SafeArgs, StringComparison.Ordinal);
        var input = _fixture.ProcessRunner.LastSettings.StandardInput;
        Assert.NotNull(input);
        Assert.Equal(Password, Encoding.UTF8.GetString(input.Value.Span));
    }

    [Fact]
    public void A_rejected_login_is_one_line_naming_the_server()
    {
        _fixture.ProcessRunner.Returns(1, "Error response from daemon: login attempt to https://registry.example/v2/ failed with status: 401 Unauthorized");

        var error = Assert.Throws<CakeException>(() => _fixture.Login().Login("registry.example", Password, new DockerLoginSettings { Username = "AWS" }));

        Assert.StartsWith("docker login to registry.example failed: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }
}

using App.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace App.Tests;

public sealed class DefaultHttpPortTests
{
    [Fact]
    public void Given_no_address_configured_When_applied_Then_http_ports_is_8080()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        builder.UseDefaultHttpPort(DefaultHttpPort.Port);

        Assert.Equal("8080", builder.Configuration[WebHostDefaults.HttpPortsKey]);
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5099")]
    [InlineData("http_ports", "9000")]
    [InlineData("https_ports", "9443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:7000")]
    public void Given_an_address_configured_When_applied_Then_it_is_left_alone(string key, string value)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection([new(key, value)]);

        builder.UseDefaultHttpPort(DefaultHttpPort.Port);

        Assert.Equal(value, builder.Configuration[key]);
        Assert.NotEqual("8080", builder.Configuration[WebHostDefaults.HttpPortsKey]);
    }

    [Fact]
    public void Given_urls_on_the_command_line_When_applied_Then_they_win()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddCommandLine(["--urls", "http://127.0.0.1:5099"]);

        builder.UseDefaultHttpPort(DefaultHttpPort.Port);

        Assert.Equal("http://127.0.0.1:5099", builder.Configuration[WebHostDefaults.ServerUrlsKey]);
        Assert.Null(builder.Configuration[WebHostDefaults.HttpPortsKey]);
    }
}

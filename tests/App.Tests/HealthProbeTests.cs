using System.Net;
using System.Net.Sockets;
using App.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace App.Tests;

public sealed class HealthProbeTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:8080/health")]
    [InlineData("", "http://127.0.0.1:8080/health")]
    [InlineData("9000", "http://127.0.0.1:9000/health")]
    [InlineData("9000;9001", "http://127.0.0.1:9000/health")]
    [InlineData("not-a-port", "http://127.0.0.1:8080/health")]
    [InlineData("70000", "http://127.0.0.1:8080/health")]
    public void Given_the_http_ports_variable_When_the_target_is_chosen_Then_the_first_port_on_loopback_is_probed(string? ports, string expected)
    {
        Assert.Equal(new Uri(expected), HealthProbe.TargetFor(ports, 8080));
    }

    [Theory]
    [InlineData(new[] { "healthcheck" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "healthcheck", "--urls", "x" }, false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, false)]
    public void Given_arguments_When_asked_Then_only_the_single_word_healthcheck_selects_the_probe(string[] args, bool expected)
    {
        Assert.Equal(expected, HealthProbe.IsRequested(args));
    }

    [Theory]
    [InlineData(200, 0, "healthy")]
    [InlineData(503, 1, "unhealthy")]
    public async Task Given_a_running_server_When_probed_Then_the_status_decides_the_exit_code(int status, int expectedExit, string expectedWord)
    {
        await using var server = await StartServerAsync(status);
        using var output = new StringWriter();

        var exit = await HealthProbe.RunAsync(server.Target, TimeSpan.FromSeconds(5), output);

        Assert.Equal(expectedExit, exit);
        Assert.StartsWith(expectedWord + ":", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_nothing_listening_When_probed_Then_it_exits_1_with_one_line()
    {
        using var output = new StringWriter();

        var exit = await HealthProbe.RunAsync(new Uri($"http://127.0.0.1:{FreePort()}/health"), TimeSpan.FromSeconds(5), output);

        Assert.Equal(1, exit);
        Assert.StartsWith("unhealthy:", output.ToString(), StringComparison.Ordinal);
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<RunningServer> StartServerAsync(int status)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet(HealthProbe.Path, (HttpContext context) => Results.StatusCode(status));
        await app.StartAsync();
        return new RunningServer(app, new Uri($"http://127.0.0.1:{port}{HealthProbe.Path}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record RunningServer(WebApplication App, Uri Target) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}

using System.Net;
using System.Text.Json;
using App.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace App.Tests;

public sealed class HealthEndpointTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Given_a_running_app_When_health_is_requested_Then_it_is_200_json_healthy()
    {
        using var client = factory.CreateRawClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "health responses must not be cached");
    }

    [Fact]
    public async Task Given_a_started_app_When_ready_is_requested_Then_it_is_200_json_healthy()
    {
        using var client = factory.CreateRawClient();

        using var response = await client.GetAsync(new Uri("/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await ReadStatusAsync(response));
    }

    [Fact]
    public async Task Given_a_stopping_app_When_ready_is_requested_Then_it_is_503_while_health_stays_200()
    {
        // Own host, kept serving for a drain delay after it starts stopping; the shared fixture is untouched.
        using var root = new AppFactory();
        var draining = root.WithWebHostBuilder(builder => builder.UseSetting(ShutdownDrainService.DrainDelayKey, "00:00:03"));
        using var client = draining.CreateClient();
        using (var before = await client.GetAsync(new Uri("/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        draining.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var ready = await client.GetAsync(new Uri("/ready", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ReadStatusAsync(ready));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<string?> ReadStatusAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }
}

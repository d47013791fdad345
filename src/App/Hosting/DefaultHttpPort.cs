using System.Globalization;

namespace App.Hosting;

/// <summary>
/// Makes the service listen on port 8080 when nothing else says where to listen,
/// so <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> and Kestrel endpoints still win.
/// </summary>
public static class DefaultHttpPort
{
    public const int Port = 8080;

    public static WebApplicationBuilder UseDefaultHttpPort(this WebApplicationBuilder builder, int port)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (!IsAddressConfigured(builder.Configuration))
        {
            builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, port.ToString(CultureInfo.InvariantCulture));
        }

        return builder;
    }

    public static bool IsAddressConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        return !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
    }
}

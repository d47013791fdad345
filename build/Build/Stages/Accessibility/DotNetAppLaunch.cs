using System.Diagnostics;

namespace Build.Stages.Accessibility;

/// <summary>How the freshly built service is started for the scan: <c>dotnet App.dll --urls http://127.0.0.1:port</c>.</summary>
public static class DotNetAppLaunch
{
    // These would add endpoints (HTTPS needs a certificate) or move the one we ask for.
    private static readonly string[] Removed = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS"];

    /// <param name="dll">The app's built assembly; its folder is the content root.</param>
    /// <param name="baseUrl">Where it listens, e.g. http://127.0.0.1:5123/.</param>
    /// <param name="webRoot">
    /// The static files folder when the build output has none: <c>dotnet build</c> leaves wwwroot in the project (only
    /// publish copies it), and outside Development nothing maps it, so pages would be scanned without their CSS.
    /// </param>
    public static ProcessStartInfo Create(string dll, Uri baseUrl, string? webRoot)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll)),
        };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.GetLeftPart(UriPartial.Authority));
        if (webRoot is not null)
        {
            start.ArgumentList.Add("--webroot");
            start.ArgumentList.Add(webRoot);
        }

        foreach (var name in Removed)
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }
}

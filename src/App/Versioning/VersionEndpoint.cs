namespace App.Versioning;

/// <summary>Maps <c>GET /version</c>.</summary>
public static class VersionEndpoint
{
    public static IEndpointRouteBuilder MapVersionEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/version", () => TypedResults.Ok(VersionInfo.Current));
        return endpoints;
    }
}

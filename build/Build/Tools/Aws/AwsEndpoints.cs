using Cake.Core;

namespace Build.Tools.Aws;

/// <summary>The endpoint of a service: an override from the environment, else the service's regional endpoint.</summary>
public static class AwsEndpoints
{
    public static Uri Resolve(AwsService service, string region, Func<string, string?> variables) =>
        ResolveWithSource(service, region, variables).Endpoint;

    /// <summary>The endpoint and the variable that set it (null: the service's regional endpoint).</summary>
    public static (Uri Endpoint, string? Variable) ResolveWithSource(AwsService service, string region, Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(variables);
        var ignoreOverrides = bool.TryParse(variables(AwsEnvironmentVariables.IgnoreConfiguredEndpointUrls), out var ignore) && ignore;
        if (!ignoreOverrides)
        {
            foreach (var name in new[] { service.EndpointVariable, AwsEnvironmentVariables.EndpointUrl })
            {
                var value = variables(name)?.Trim();
                if (!string.IsNullOrEmpty(value))
                {
                    return (Parse(name, value), name);
                }
            }
        }

        return (Regional(service, region), null);
    }

    /// <summary>The public regional endpoint, e.g. https://api.ecr.eu-west-1.amazonaws.com (China: amazonaws.com.cn).</summary>
    public static Uri Regional(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}/");
    }

    private static Uri Parse(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new CakeException($"{name} '{value}' is not an http(s) URL: use one like https://api.ecr.eu-west-1.amazonaws.com or http://127.0.0.1:4566.");
}

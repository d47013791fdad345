using System.Net.Http.Headers;
using System.Text;

namespace Build.Tools.Registry;

/// <summary>
/// Where a registry's v2 API answers and the basic credentials it takes (ECR: <c>AWS</c> and the token's password,
/// registered as a secret by the ECR client). <see cref="Name"/> is what messages call it (an environment name).
/// </summary>
public sealed record RegistryEndpoint(string Name, Uri BaseAddress, string? UserName, string? Password)
{
    /// <summary>Gets host[:port], as image references name the registry.</summary>
    public string Host => BaseAddress.IsDefaultPort ? BaseAddress.Host : BaseAddress.Authority;

    /// <summary>
    /// A client for this registry. Redirects are followed (ECR serves layers from S3 through one); .NET drops the
    /// Authorization header when it follows one, so the registry password never reaches the storage host.
    /// </summary>
    public HttpClient CreateClient(TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout };
        if (UserName is not null && Password is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}")));
        }

        return http;
    }

    public override string ToString() => $"{Name} ({Host})";
}

using Build.Stages.Push;
using Build.Tools.Registry;
using Cake.Core;

namespace Build.Stages.Promote;

/// <summary>The registry API of an environment's ECR repository, signed in with an ECR token (basic auth over HTTPS, as docker login uses it).</summary>
public static class RegistrySessions
{
    /// <summary>Long enough for one large layer over a slow link; Ctrl-C cancels sooner.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(30);

    public static async Task<RegistryApi> OpenAsync(EcrSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var authorization = await session.Client.GetAuthorizationTokenAsync(cancellation).ConfigureAwait(false);
        var registry = EcrPublisher.RegistryOf(session.Repository);
        if (!string.Equals(authorization.Registry, registry, StringComparison.OrdinalIgnoreCase))
        {
            throw new CakeException($"ECR issued registry credentials for {authorization.Registry}, but repository {session.Repository.Name} lives at {registry}: check the region and account of {session.Environment.Name}'s credentials.");
        }

        var endpoint = new RegistryEndpoint(session.Environment.Name, new Uri(authorization.ProxyEndpoint.GetLeftPart(UriPartial.Authority) + "/"), authorization.UserName, authorization.Password);
        return new RegistryApi(endpoint, endpoint.CreateClient(RequestTimeout));
    }
}

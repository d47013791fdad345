using Build.Checkout;
using Build.Parameters;
using Cake.Core;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;

namespace Build;

/// <summary>Composes the build: context, lifetimes, secret redaction, the run lock (released when the host ends). Used by Program and by the tests.</summary>
public static class BuildHost
{
    public static CakeHost Create(SecretRegistry secrets)
    {
        SecretEnvironment.RegisterAll(secrets);
        return new CakeHost()
            .UseContext<BuildContext>()
            .UseLifetime<BuildLifetime>()
            .UseTaskLifetime<BuildTaskLifetime>()
            .AddAssembly(typeof(BuildHost).Assembly)
            .UseOutputFilter(secrets.Redact)
            .ConfigureServices(services => services
                .AddSingleton(secrets)
                .AddSingleton<RunLock>()
                .AddSingleton(provider => BuildParameters.Parse(provider.GetRequiredService<ICakeContext>().Arguments, secrets)));
    }
}

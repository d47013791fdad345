using Build;
using Build.Parameters;
using Cake.Core;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;

var secrets = new SecretRegistry();
return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseOutputFilter(secrets.Redact)
    .ConfigureServices(services => services
        .AddSingleton(secrets)
        .AddSingleton(provider => BuildParameters.Parse(provider.GetRequiredService<ICakeContext>().Arguments)))
    .Run(args);

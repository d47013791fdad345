using Build.Core;
using Build.Core.Checkout;
using Build.Core.Reporting;
using Build.Core.Secrets;
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
            .UseErrorLineLimit(Bounded.LineCharacters, (context, message) => SaveWholeError(context, message, secrets))
            .ConfigureServices(services => services
                .AddSingleton(secrets)
                .AddSingleton<RunLock>()
                .AddSingleton(provider => CheckedParameters(provider.GetRequiredService<ICakeContext>(), secrets)));
    }

    // A bad --artifacts is refused here, in one line before the engine prints anything; Setup resolves the same paths.
    private static BuildParameters CheckedParameters(ICakeContext cake, SecretRegistry secrets)
    {
        var parameters = BuildParameters.Parse(cake.Arguments, secrets);
        if (BuildPaths.TryFindRoot(cake.Environment.WorkingDirectory) is { } root)
        {
            _ = BuildPaths.For(root, parameters.ArtifactsDirectory);
        }

        return parameters;
    }

    // Before Setup there is no artifacts folder to write to; the line is cut and says so.
    private static string? SaveWholeError(IFrostingContext context, string message, SecretRegistry secrets)
    {
        if (context is not BuildContext { IsSetUp: true } build)
        {
            return null;
        }

        var path = build.Paths.Artifacts.CombineWithFilePath(ReportWriter.FullErrorFile).FullPath;
        Directory.CreateDirectory(build.Paths.Artifacts.FullPath);
        File.WriteAllText(path, secrets.Redact(message));
        return path;
    }
}

using Build.Tests.Support;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Tests.Host;

/// <summary>Runs the Frosting host in-process over the test tasks, capturing output.</summary>
public sealed class HostFixture
{
    public Recorder Recorder { get; } = new();

    public HostRun Run(params string[] args) => Run(host => host, args);

    public HostRun Run(Func<CakeHost, CakeHost> configure, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(configure);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = configure(new CakeHost())
            .UseContext<RecordingContext>()
            .AddAssembly(typeof(HostFixture).Assembly)
            .UseOutput(output, error)
            .ConfigureServices(services => services.AddSingleton(Recorder))
            .Run(args);
        return new HostRun(exitCode, output.ToString(), error.ToString());
    }
}

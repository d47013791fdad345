using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Cake.Frosting.Internal;

/// <summary>Wires Cake's own services (file system, environment, globber, process runner, tools) into a context.</summary>
internal static class CakeContextFactory
{
    public static CakeContext Create(ICakeLog log, IConsole console, ILookup<string, string> arguments, string? workingDirectory, IServiceProvider services)
    {
        var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
        if (workingDirectory is not null)
        {
            environment.WorkingDirectory = new DirectoryPath(workingDirectory).MakeAbsolute(environment);
        }

        var fileSystem = new FileSystem();
        var globber = new Globber(fileSystem, environment);
        var configuration = new CakeConfiguration(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        var toolRepository = new ToolRepository(environment);
        var tools = new ToolLocator(environment, toolRepository, new ToolResolutionStrategy(fileSystem, environment, globber, configuration, log));
        var processRunner = new RedactingProcessRunner(new ProcessRunner(fileSystem, environment, log, tools, configuration), console);
        var toolInstaller = new ToolInstaller(environment, tools, configuration, log, []);

        return new CakeContext(
            fileSystem,
            environment,
            globber,
            log,
            new CakeArguments(arguments),
            processRunner,
            new WindowsRegistry(),
            tools,
            new CakeDataService(),
            configuration,
            toolInstaller,
            services);
    }
}

using Build.Core;
using Build.Core.Ci;
using Build.Core.Secrets;
using Build.Parameters;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting.Internal;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>
/// A build context as Setup leaves it (parameters parsed, environment resolved, target known), in a temporary checkout.
/// Composing it moves the process's current directory for a moment: its users run in <see cref="Support.InProcessBuildGroup"/>.
/// </summary>
public sealed class RunContext : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("build-needs-");

    public RunContext() => File.WriteAllText(Path.Combine(_root.FullName, "App.sln"), "");

    public BuildContext For(string target, params string[] arguments)
    {
        var pairs = arguments.Chunk(2).Select(pair => (Name: pair[0].TrimStart('-'), Value: pair[1])).ToList();
        var lookup = pairs.ToLookup(pair => pair.Name, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        var console = new TextWriterConsole(TextWriter.Null, TextWriter.Null);
        var directory = Directory.GetCurrentDirectory();
        try
        {
            // Cake's environment sets the process's current directory to the working directory: restored below.
            var cake = CakeContextFactory.Create(new CakeBuildLog(console, Verbosity.Quiet), console, lookup, _root.FullName, new NoServices());
            var secrets = new SecretRegistry();
            var context = new BuildContext(cake, BuildParameters.Parse(new CakeArguments(lookup), secrets), secrets);
            context.Initialize(target, new PlainCi("Local"));
            return context;
        }
        finally
        {
            Directory.SetCurrentDirectory(directory);
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

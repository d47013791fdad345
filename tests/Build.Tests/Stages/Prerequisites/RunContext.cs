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
/// <param name="output">Where the context's log goes (normal verbosity); none when null.</param>
public sealed class RunContext(TextWriter? output = null) : IDisposable
{
    private readonly DirectoryInfo _root = CreateRoot();

    /// <summary>Gets the temporary checkout (an empty App.sln).</summary>
    public string Root => _root.FullName;

    public BuildContext For(string target, params string[] arguments)
    {
        var pairs = arguments.Chunk(2).Select(pair => (Name: pair[0].TrimStart('-'), Value: pair[1])).ToList();
        var lookup = pairs.ToLookup(pair => pair.Name, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        var console = new TextWriterConsole(output ?? TextWriter.Null, output ?? TextWriter.Null);
        var directory = Directory.GetCurrentDirectory();
        try
        {
            // Cake's environment sets the process's current directory to the working directory: restored below.
            var cake = CakeContextFactory.Create(new CakeBuildLog(console, output is null ? Verbosity.Quiet : Verbosity.Normal), console, lookup, _root.FullName, new NoServices());
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

    private static DirectoryInfo CreateRoot()
    {
        var root = Directory.CreateTempSubdirectory("build-needs-");
        File.WriteAllText(Path.Combine(root.FullName, "App.sln"), "");
        return root;
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

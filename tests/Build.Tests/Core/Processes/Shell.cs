using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Frosting.Internal;

namespace Build.Tests.Core.Processes;

/// <summary>A real Cake context, wired as the build wires it, and short /bin/sh scripts started through its process runner.</summary>
public static class Shell
{
    public static ICakeContext Context { get; } = CreateContext();

    public static IProcess Start(string script, ProcessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Arguments = new ProcessArgumentBuilder().Append("-c").AppendQuoted(script);
        return Context.ProcessRunner.Start(new FilePath("/bin/sh"), settings);
    }

    private static CakeContext CreateContext()
    {
        var console = new TextWriterConsole(TextWriter.Null, TextWriter.Null);
        return CakeContextFactory.Create(new CakeBuildLog(console, Verbosity.Quiet), console, Array.Empty<string>().ToLookup(x => x), workingDirectory: null, new NoServices());
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

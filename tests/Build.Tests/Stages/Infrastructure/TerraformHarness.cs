using Build.Parameters;
using Build.Stages.Infrastructure;
using Build.Tools.Terraform;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Frosting.Internal;
using Path = System.IO.Path;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>Runs the real terraform binary through the build's own tool wrapper, in a temporary folder.</summary>
public sealed class TerraformHarness : IDisposable
{
    public TerraformHarness()
    {
        Root = Directory.CreateTempSubdirectory("build-tests-tf-").FullName;
        var console = new TextWriterConsole(TextWriter.Null, TextWriter.Null);
        Context = CakeContextFactory.Create(new CakeBuildLog(console, Verbosity.Quiet), console, Array.Empty<string>().ToLookup(x => x), workingDirectory: null, EmptyServices.Instance);
        Runner = TerraformRunner.For(Context);
    }

    public string Root { get; }

    public ICakeContext Context { get; }

    public TerraformRunner Runner { get; }

    public DirectoryPath CacheRoot => new DirectoryPath(Root).Combine("cache");

    /// <summary>Copies a module and prepares its workspace as the build does (local backend).</summary>
    public TerraformWorkspace Workspace(string source, string environment) =>
        TerraformWorkspace.Prepare(new DirectoryPath(source), CacheRoot, new DirectoryPath(Root).Combine("artifacts"), environment, TerraformBackend.Local);

    public T Settings<T>(TerraformWorkspace workspace, T settings)
        where T : TerraformSettings
    {
        settings.WorkingDirectory = workspace.WorkingDirectory;
        foreach (var (name, value) in workspace.ProcessEnvironment(CacheRoot))
        {
            settings.EnvironmentVariables[name] = value;
        }

        return settings;
    }

    public TerraformResult Run<T>(TerraformWorkspace workspace, T settings, ProcessArgumentBuilder arguments)
        where T : TerraformSettings =>
        Runner.Execute(Settings(workspace, settings), arguments);

    public TerraformResult Init(TerraformWorkspace workspace)
    {
        var init = new TerraformInitSettings();
        var result = Run(workspace, init, TerraformArguments.Init(init));
        Assert.True(result.ExitCode == 0, "terraform init failed: " + result.Text);
        return result;
    }

    public static string RepositoryPath(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "App.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "The repository root (App.sln) was not found above the test output folder.");
        return Path.Combine([directory!.FullName, .. parts]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

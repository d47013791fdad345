using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tests.Tools.Docker;

/// <summary>The docker runners over a fake process runner: a docker executable that exists, and a record of what was started.</summary>
public sealed class DockerFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("build-tests-docker-").FullName;

    public DockerFixture()
    {
        ToolPath = System.IO.Path.Combine(_directory, "docker");
        File.WriteAllText(ToolPath, "");
        Tools = new FixedToolLocator(new FilePath(ToolPath));
    }

    public string ToolPath { get; }

    public FakeProcessRunner ProcessRunner { get; } = new();

    public ICakeEnvironment Environment { get; } = new CakeEnvironment(new CakePlatform(), new CakeRuntime());

    public IFileSystem FileSystem { get; } = new FileSystem();

    public IToolLocator Tools { get; }

    public ICakeLog Log { get; } = new NullLog();

    /// <summary>Gets the command line of the last docker started, as Cake renders it (secrets included).</summary>
    public string Args => ProcessRunner.LastSettings.Arguments.Render();

    /// <summary>Gets the command line as Cake logs it (secrets redacted).</summary>
    public string SafeArgs => ProcessRunner.LastSettings.Arguments.RenderSafe();

    public DockerImageBuilder Builder() => new(FileSystem, Environment, ProcessRunner, Tools, Log);

    public DockerPusher Pusher() => new(FileSystem, Environment, ProcessRunner, Tools, Log);

    public DockerRegistryLogin Login() => new(FileSystem, Environment, ProcessRunner, Tools, Log);

    public DockerImageInspector Inspector() => new(FileSystem, Environment, ProcessRunner, Tools, Log);

    public DockerTagger Tagger() => new(FileSystem, Environment, ProcessRunner, Tools, Log);

    public DockerImageImporter Importer() => new(FileSystem, Environment, ProcessRunner, Tools, Log);

    public DockerEngineProbe Probe() => new(FileSystem, Environment, ProcessRunner, Tools, Log);

    public string TempPath(string name) => System.IO.Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class FixedToolLocator(FilePath path) : IToolLocator
    {
        public void RegisterFile(FilePath path)
        {
        }

        public FilePath Resolve(string tool) => path;

        public FilePath Resolve(IEnumerable<string> toolExeNames) => path;
    }
}

using System.Net.Sockets;
using Build.Core.Versioning;
using Build.Parameters;
using Build.Stages.Image;
using Build.Stages.Push;
using Build.Tests.Stages.Lint;
using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Frosting.Internal;
using Path = System.IO.Path;

namespace Build.Tests.Stages.Image;

/// <summary>
/// The real docker engine and the registry on 127.0.0.1:5000 for the image tests, through a real Cake context.
/// Missing components make the tests FAIL with the command that starts them (bash .ci/run starts both). The base
/// image and the host publish of src/App are made once per run; every image and container a test makes is removed.
/// </summary>
public sealed class DockerEngineFixture : IDisposable
{
    public const string Registry = "127.0.0.1:5000";

    private readonly Lock _gate = new();
    private readonly List<string> _images = [];
    private readonly StringWriter _output = new();
    private BaseImageResult? _base;
    private PublishedApp? _published;
    private string? _engineProblem;

    public DockerEngineFixture()
    {
        Root = FindRoot();
        Artifacts = Directory.CreateTempSubdirectory("build-tests-image-").FullName;
        var console = new TextWriterConsole(_output, _output);
        Context = CakeContextFactory.Create(new CakeBuildLog(console, Verbosity.Normal), console, Array.Empty<string>().ToLookup(arg => arg), Root, new NoServices());
        var status = Context.DockerEngine();
        _engineProblem = status.IsRunning
            ? null
            : $"The docker engine does not answer ({status.Error}). Start it as root: {DockerEngineCheck.StartCommand}; bash .ci/run does.";
    }

    /// <summary>Gets a short id that makes this run's repositories and containers unique.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public string Root { get; }

    public string Artifacts { get; }

    public ICakeContext Context { get; }

    /// <summary>Gets the paths of this run: the real repository's sources, a temporary artifacts and scratch folder.</summary>
    public ImagePaths Paths => new(new DirectoryPath(Root), new DirectoryPath(Artifacts), new DirectoryPath(Artifacts).Combine("scratch"));

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static BuildVersion Version(string version) =>
        new(SemanticVersion.TryParse(version, out var parsed) ? parsed : throw new ArgumentException(version), "0123456789abcdef0123456789abcdef01234567", 0, null, VersionSource.Override, false, false);

    /// <summary>Gets a value indicating whether the engine answered when the fixture started (cleanup needs it).</summary>
    public bool EngineAnswers => _engineProblem is null;

    public void RequireEngine()
    {
        if (_engineProblem is not null)
        {
            Assert.Fail(_engineProblem);
        }
    }

    public void RequireRegistry()
    {
        RequireEngine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var problem = new RegistryClient(http, RegistryClient.AddressOf(Registry)).ProbeAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (problem is not null)
        {
            Assert.Fail($"No registry answers at http://{Registry}/v2/ ({problem}). Start one: docker-registry serve CONFIG.yml with http.addr {Registry}; bash .ci/run does.");
        }
    }

    /// <summary>The air-gapped base, built (or found unchanged) once per run.</summary>
    public BaseImageResult BaseImage()
    {
        RequireEngine();
        lock (_gate)
        {
            return _base ??= BaseImageBuilder.Build(Context, Paths.BaseImageWork, Paths.BasePackagesFile, BaseImageRecipe.ReferenceForThisMachine());
        }
    }

    /// <summary>The app published on the host into the prebuilt context, once per run (the first call takes ~30 s).</summary>
    public PublishedApp Published()
    {
        RequireEngine();
        lock (_gate)
        {
            return _published ??= AppPublisher.Publish(Context, Paths, Version("1.2.3-test"), "Release", continuousIntegration: false);
        }
    }

    /// <summary>Publishes again (incrementally) with another version: only the app's own files change.</summary>
    public PublishedApp Republish(string version)
    {
        lock (_gate)
        {
            _published = AppPublisher.Publish(Context, Paths, Version(version), "Release", continuousIntegration: false);
            return _published;
        }
    }

    /// <summary>Builds the app image with the legacy builder from the prebuilt context, as the Image target does.</summary>
    public ImageBuildResult BuildAppImage(string repository, IReadOnlyList<string> tags, string created = "2026-01-01T00:00:00Z")
    {
        var baseImage = BaseImage();
        Published();
        var request = new ImageBuildRequest(
            Paths,
            repository,
            tags,
            ImageBuildModes.Prebuilt,
            baseImage.Reference,
            BuildKit: false,
            OciLabels.BuildArgs("1.2.3-test", "0123456789abcdef0123456789abcdef01234567", "https://github.com/example/app", created, baseImage.Reference));
        Track([.. request.Tags.Select(tag => ImageTags.Reference(repository, tag))]);
        var image = ImageBuilder.Build(Context, request);

        // By id too: a later build may take these tags over and leave this image untagged.
        Track(image.Id);
        return image;
    }

    /// <summary>Removes these references when the run ends.</summary>
    public void Track(params string[] references)
    {
        lock (_gate)
        {
            _images.AddRange(references);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static (int ExitCode, string Output) Docker(params string[] arguments)
    {
        var (exitCode, output, error) = ExternalTool.Run("docker", Path.GetTempPath(), arguments);
        return (exitCode, string.Join('\n', output) + error);
    }

    public void Dispose()
    {
        if (_engineProblem is null && _images.Count > 0)
        {
            Docker(["rmi", "--force", .. _images]);
        }

        Directory.Delete(Artifacts, recursive: true);
        _output.Dispose();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "App.sln")) && File.Exists(Path.Combine(directory.FullName, "src", "App", "Dockerfile")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (App.sln and src/App/Dockerfile) above {AppContext.BaseDirectory}.");
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

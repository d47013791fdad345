using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Cake.Frosting;

namespace Build.Tools.Docker;

/// <summary><c>docker push IMAGE</c>, retried with backoff on transient failures; returns the pushed manifest digest.</summary>
public sealed class DockerPusher(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerPushSettings>(fileSystem, environment, processRunner, tools, log)
{
    public DockerPushResult Push(string image, DockerPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = GetArguments(image, settings);
        var attempts = Math.Max(1, settings.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var result = RunCaptured("push", settings, arguments, echo: true);
            if (result.Succeeded)
            {
                var manifest = PushOutput.FindManifest(result.Output)
                    ?? throw new CakeException($"docker push {image} succeeded but printed no 'digest: sha256:...' line; cannot tell what was pushed.");
                return new DockerPushResult(image, manifest.Digest, manifest.Size, attempt);
            }

            if (attempt >= attempts || !PushRetryPolicy.IsTransient(result.Output))
            {
                var tries = attempt == 1 ? "" : $" after {attempt} attempts";
                throw new CakeException($"docker push {image} failed{tries}: {result.ErrorLine}");
            }

            var delay = PushRetryPolicy.DelayBefore(attempt + 1, settings.RetryDelay);
            Log.Warning("docker push {0} failed with a transient error ({1}); attempt {2} of {3} in {4:0.#} s.", image, result.ErrorLine, attempt + 1, attempts, delay.TotalSeconds);
            // An interrupt ends the wait before the next attempt; the task then fails naming the interruption.
            if (Interruption.Current.Token.WaitHandle.WaitOne(delay))
            {
                throw Interruption.Stopped($"Interrupted ({Interruption.Current.Signal}) while waiting to retry docker push {image}; it was not pushed.");
            }
        }
    }

    public static ProcessArgumentBuilder GetArguments(string image, DockerPushSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        ArgumentNullException.ThrowIfNull(settings);

        // Not --quiet: it hides the "digest: sha256:... size: N" line this runner reads.
        return Command(settings, "push").Append(image);
    }
}

using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>
/// <c>docker login --username U --password-stdin SERVER</c>: the password is written to the process's standard input,
/// so it is never in the command line (visible in <c>ps</c>) or the log. Register it as a secret before calling.
/// </summary>
public sealed class DockerRegistryLogin(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerLoginSettings>(fileSystem, environment, processRunner, tools, log)
{
    public void Login(string server, string password, DockerLoginSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var result = RunCaptured("login", settings, GetArguments(server, settings), echo: false, standardInput: password);
        if (!result.Succeeded)
        {
            throw new CakeException($"docker login to {server} failed: {result.ErrorLine}");
        }
    }

    public static ProcessArgumentBuilder GetArguments(string server, DockerLoginSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Command(settings, "login");
        AppendCredentialArguments(builder, settings);
        return builder.Append(server);
    }

    private static void AppendCredentialArguments(ProcessArgumentBuilder builder, DockerLoginSettings settings)
    {
        if (settings.Username is not null)
        {
            builder.AppendSwitchQuoted("--username", settings.Username);
        }

        builder.Append("--password-stdin");
    }
}

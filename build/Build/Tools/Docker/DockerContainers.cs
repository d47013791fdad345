using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>The container lifecycle commands: container inspect, stop, start, rm, rename and logs.</summary>
public sealed class DockerContainers(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerContainerSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary>The container's state; null when there is no container of that name.</summary>
    public DockerContainerState? Inspect(string name, DockerContainerSettings settings)
    {
        var result = RunCaptured("container inspect", settings, Command(settings, "container", "inspect").Append(Checked(name)), echo: false);
        if (result.Succeeded)
        {
            try
            {
                return DockerContainerState.Parse(string.Join('\n', result.StandardOutput));
            }
            catch (System.Text.Json.JsonException unreadable)
            {
                throw new CakeException($"docker container inspect {name} printed something that is not its JSON ({unreadable.Message}).");
            }
        }

        return result.Output.Any(line => line.Contains("No such container", StringComparison.OrdinalIgnoreCase))
            ? null
            : throw new CakeException($"docker container inspect {name} failed: {result.ErrorLine}");
    }

    /// <summary>Stops the container, giving it <paramref name="grace"/> to shut down before docker kills it.</summary>
    public void Stop(string name, TimeSpan grace, DockerContainerSettings settings) =>
        Require("stop", settings, Command(settings, "stop").AppendSwitch("--time", ((int)grace.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(Checked(name)));

    public void Start(string name, DockerContainerSettings settings) =>
        Require("start", settings, Command(settings, "start").Append(Checked(name)));

    /// <summary>Removes the container, running or not; a container that is already gone is not an error.</summary>
    public void Remove(string name, DockerContainerSettings settings)
    {
        var result = RunCaptured("rm", settings, Command(settings, "rm").Append("--force").Append(Checked(name)), echo: false);
        if (!result.Succeeded && !result.Output.Any(line => line.Contains("No such container", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CakeException($"docker rm {name} failed: {result.ErrorLine}");
        }
    }

    public void Rename(string name, string newName, DockerContainerSettings settings) =>
        Require("rename", settings, Command(settings, "rename").Append(Checked(name)).Append(Checked(newName)));

    /// <summary>The last <paramref name="lines"/> lines the container printed (both streams).</summary>
    public IReadOnlyList<string> Logs(string name, int lines, DockerContainerSettings settings)
    {
        var result = RunCaptured("logs", settings, Command(settings, "logs").AppendSwitch("--tail", lines.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(Checked(name)), echo: false);
        return result.Succeeded ? result.Output : [$"(docker logs {name} failed: {result.ErrorLine})"];
    }

    private static string Checked(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }

    private void Require(string command, DockerContainerSettings settings, ProcessArgumentBuilder arguments)
    {
        var result = RunCaptured(command, settings, arguments, echo: false);
        if (!result.Succeeded)
        {
            throw new CakeException($"docker {command} failed: {result.ErrorLine}");
        }
    }
}

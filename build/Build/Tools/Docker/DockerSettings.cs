using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>What every docker command accepts: the global options that precede the command, and a bounded wait.</summary>
public abstract class DockerSettings : ToolSettings
{
    /// <summary>How long a docker command may run unless its settings say otherwise; then it is stopped with one clear line.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    protected DockerSettings()
    {
        ToolTimeout = DefaultTimeout;
    }

    /// <summary>Gets or sets the client configuration folder (<c>--config</c>), e.g. to keep registry credentials out of ~/.docker.</summary>
    public DirectoryPath? ConfigDirectory { get; set; }
}

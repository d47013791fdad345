using System.Text.Json;
using Build.Core;
using Cake.Core.IO;

namespace Build.Stages.Deploy;

/// <summary>artifacts/deploy/&lt;env&gt;.json: what runs now, where, and what it replaced.</summary>
public static class DeployRecordFile
{
    public static void Write(FilePath file, string environment, LocalDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(deployment);
        Directory.CreateDirectory(file.GetDirectory().FullPath);
        File.WriteAllText(file.FullPath, JsonSerializer.Serialize(
            new
            {
                environment,
                image = deployment.Image,
                version = deployment.Version,
                container = deployment.ContainerName,
                containerId = deployment.ContainerId,
                url = deployment.Url.ToString(),
                previousImage = deployment.PreviousImage,
                secondsToHealthy = Math.Round(deployment.TimeToHealthy.TotalSeconds, 1),
                checks = deployment.Checks,
            },
            JsonDefaults.Indented));
    }
}

using System.Text.Json;
using Build.Core;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Image;

/// <summary>artifacts/image/image.json: the Image target's result, so ImageScan and Push also work with --exclusive.</summary>
public static class ImageRecordFile
{
    public static void Write(FilePath file, ImageBuildResult image)
    {
        ArgumentNullException.ThrowIfNull(file);
        File.WriteAllText(file.FullPath, JsonSerializer.Serialize(image, JsonDefaults.Indented));
    }

    /// <summary>The image built in this run, else the one recorded by an earlier run; one clear line when there is neither.</summary>
    public static ImageBuildResult Resolve(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Results.TryGet<ImageBuildResult>() is { } built)
        {
            return built;
        }

        var file = ImagePaths.From(context.Paths).ImageFile.FullPath;
        return File.Exists(file)
            ? JsonSerializer.Deserialize<ImageBuildResult>(File.ReadAllText(file), JsonDefaults.Indented)
                ?? throw new CakeException($"{file} is empty; run the Image target.")
            : throw new CakeException("No image was built: run the Image target first (or drop --exclusive).");
    }
}

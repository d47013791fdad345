using System.Text.Json;
using Cake.Core.IO;

namespace Build.Image;

/// <summary>artifacts/image/pushed.json: what Push put in the registry, for Deploy, Release and people.</summary>
public static class PushedImageFile
{
    public static void Write(FilePath file, PushedImage pushed, ImageBuildResult image)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(pushed);
        ArgumentNullException.ThrowIfNull(image);
        File.WriteAllText(file.FullPath, JsonSerializer.Serialize(
            new
            {
                reference = pushed.Reference,
                repository = pushed.RepositoryUrl,
                digest = pushed.Digest,
                tags = pushed.Tags.Select(tag => ImageTags.Reference(pushed.RepositoryUrl, tag)),
                alreadyPresent = pushed.AlreadyPresentTags,
                imageId = image.Id,
                compressedSizeBytes = pushed.CompressedSizeBytes,
                sizeBytes = image.SizeBytes,
            },
            JsonDefaults.Indented));
    }
}

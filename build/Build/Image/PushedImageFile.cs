using System.Text.Json;
using Cake.Core;
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

    /// <summary>The <c>repository@sha256:...</c> an earlier Push recorded; one clear line when there is none.</summary>
    public static string ReadReference(FilePath file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!File.Exists(file.FullPath))
        {
            throw new CakeException($"No pushed image is recorded ({file.FullPath} is missing): run the Push target first (or drop --exclusive).");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file.FullPath));
        return document.RootElement.TryGetProperty("reference", out var reference) && reference.GetString() is { Length: > 0 } value
            ? value
            : throw new CakeException($"{file.FullPath} records no reference: run the Push target again.");
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Build.Core;
using Build.Stages.Image;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Push;

/// <summary>artifacts/image/pushed.json: what Push put in the registry, for Deploy, Release and people.</summary>
public static partial class PushedImageFile
{
    public static void Write(FilePath file, PushedImage pushed, ImageBuildResult image, string environment)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(pushed);
        ArgumentNullException.ThrowIfNull(image);
        File.WriteAllText(file.FullPath, JsonSerializer.Serialize(
            new
            {
                environment,
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

    /// <summary>
    /// The <c>repository@sha256:...</c> an earlier Push recorded, checked to be a digest reference of this image for
    /// this environment; one clear line otherwise (Deploy must never run an image nobody meant for it).
    /// </summary>
    public static string ReadReference(FilePath file, ImageBuildResult image, string environment)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(image);
        if (!File.Exists(file.FullPath))
        {
            throw new CakeException($"No pushed image is recorded ({file.FullPath} is missing): run the Push target first (or drop --exclusive).");
        }

        PushedRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<PushedRecord>(File.ReadAllText(file.FullPath), JsonDefaults.Indented);
        }
        catch (JsonException unreadable)
        {
            throw new CakeException($"{file.FullPath} is not a push record ({unreadable.Message}): run the Push target again.");
        }

        if (record?.Reference is not { } reference || !DigestReference().IsMatch(reference))
        {
            throw new CakeException($"{file.FullPath} records no repository@sha256 reference: run the Push target again.");
        }

        if (record.Environment != environment || record.ImageId != image.Id)
        {
            throw new CakeException($"{file.FullPath} records a push of image {record.ImageId ?? "?"} to '{record.Environment ?? "?"}', not of this image ({image.ShortId}) to '{environment}': run the Push target for '{environment}' first.");
        }

        return reference;
    }

    [GeneratedRegex("^[^\\s@]+@sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestReference();

    private sealed record PushedRecord(string? Environment, string? Reference, string? ImageId);
}

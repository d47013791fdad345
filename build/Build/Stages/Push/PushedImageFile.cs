using System.Text.Json;
using System.Text.RegularExpressions;
using Build.Core;
using Build.Core.Secrets;
using Build.Stages.Image;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Push;

/// <summary>Reads and writes <see cref="PushedImageRecord"/>s: one file per environment, so promoting to staging keeps dev's.</summary>
public static partial class PushedImageFile
{
    /// <summary>Gets artifacts/image/pushed-&lt;env&gt;.json.</summary>
    public static FilePath For(BuildPaths paths, string environment)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.ImageReports.CombineWithFilePath($"pushed-{environment}.json");
    }

    /// <summary>The record of a push of <paramref name="image"/> by the build at <paramref name="context"/>'s commit.</summary>
    public static PushedImageRecord Of(BuildContext context, PushedImage pushed, ImageBuildResult image)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        var version = context.BuildVersion;
        return Of(context.BuildEnvironment.Name, pushed, image, version.HasCommit && !image.FromDirtyTree ? version.Commit : null);
    }

    /// <summary>The record of a push of <paramref name="image"/> to <paramref name="environment"/> (<paramref name="commit"/>: null for a dirty tree).</summary>
    public static PushedImageRecord Of(string environment, PushedImage pushed, ImageBuildResult image, string? commit)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Of(environment, pushed, image.Id, commit, image.Labels.GetValueOrDefault(OciLabels.Version));
    }

    /// <summary>The record of what <paramref name="pushed"/> put in <paramref name="environment"/>'s registry: a push, or (with PromotedFrom set) a promotion.</summary>
    public static PushedImageRecord Of(string environment, PushedImage pushed, string imageId, string? commit, string? version)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        return new PushedImageRecord(
            environment,
            pushed.Reference,
            pushed.RepositoryUrl,
            pushed.Digest,
            [.. pushed.Tags.Select(tag => ImageTags.Reference(pushed.RepositoryUrl, tag))],
            pushed.AlreadyPresentTags,
            imageId,
            pushed.CompressedSizeBytes,
            commit,
            version,
            DateTimeOffset.UtcNow);
    }

    public static string Json(PushedImageRecord record) => JsonSerializer.Serialize(record, JsonDefaults.Indented);

    public static void Write(BuildContext context, PushedImageRecord record)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(record);
        context.WriteArtifact(For(context.Paths, record.Environment), Json(record));
    }

    /// <summary>The record an earlier Push or Promote left for <paramref name="environment"/>; null when there is none.</summary>
    public static PushedImageRecord? Read(BuildPaths paths, string environment)
    {
        var file = For(paths, environment).FullPath;
        if (!File.Exists(file))
        {
            return null;
        }

        PushedImageRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<PushedImageRecord>(File.ReadAllText(file), JsonDefaults.Indented);
        }
        catch (JsonException unreadable)
        {
            throw new CakeException($"{file} is not a push record ({unreadable.Message}): run the Push target again.");
        }

        if (record?.Reference is not { } reference || !DigestReference().IsMatch(reference))
        {
            throw new CakeException($"{file} records no repository@sha256 reference: run the Push target again.");
        }

        return record.Environment == environment
            ? record
            : throw new CakeException($"{file} records '{record.Environment}', not '{environment}': it was edited or copied; run the Push target for '{environment}' again.");
    }

    /// <summary>
    /// The <c>repository@sha256:...</c> an earlier Push recorded, checked to be a digest reference of this image for
    /// this environment; one clear line otherwise (Deploy must never run an image nobody meant for it).
    /// </summary>
    public static string ReadReference(BuildPaths paths, ImageBuildResult image, string environment)
    {
        ArgumentNullException.ThrowIfNull(image);
        var record = Read(paths, environment)
            ?? throw new CakeException($"No pushed image is recorded for '{environment}' ({For(paths, environment).FullPath} is missing): run the Push target first (or drop --exclusive).");
        return record.ImageId == image.Id
            ? record.Reference
            : throw new CakeException($"{For(paths, environment).FullPath} records a push of image {record.ImageId} to '{environment}', not of this image ({image.ShortId}): run the Push target for '{environment}' first.");
    }

    /// <summary>Deletes the push records of images other than <paramref name="imageId"/> (a promotion's record stays: it names its digest and commit).</summary>
    public static void ForgetPushesOfOtherImages(BuildPaths paths, string imageId)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!Directory.Exists(paths.ImageReports.FullPath))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(paths.ImageReports.FullPath, "pushed-*.json"))
        {
            var record = TryDeserialize(file);
            if (record is null || (record.PromotedFrom is null && record.ImageId != imageId))
            {
                File.Delete(file);
            }
        }
    }

    private static PushedImageRecord? TryDeserialize(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<PushedImageRecord>(File.ReadAllText(file), JsonDefaults.Indented);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[^\\s@]+@sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestReference();
}

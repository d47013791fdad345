using System.Text.Json;
using System.Text.Json.Serialization;
using Cake.Core;

namespace Build.Tools.Docker;

/// <summary>The parts of <c>docker image inspect</c> the build reads.</summary>
public sealed record DockerImageDetails(
    string Id,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    long Size,
    string? Created,
    string? Architecture,
    string? Os,
    DockerImageConfig Config,
    [property: JsonPropertyName("RootFS")] DockerRootFs RootFs)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Parses the JSON array <c>docker image inspect</c> prints (one image).</summary>
    public static DockerImageDetails ParseInspectOutput(string json)
    {
        try
        {
            var images = JsonSerializer.Deserialize<List<DockerImageDetails>>(json, Options);
            return images is [var image]
                ? Normalise(image)
                : throw new CakeException($"docker image inspect printed {images?.Count ?? 0} images where one was expected.");
        }
        catch (JsonException error)
        {
            throw new CakeException($"docker image inspect printed JSON this build cannot read: {error.Message}");
        }
    }

    // Docker prints null for empty lists and maps; the record promises non-null collections.
    private static DockerImageDetails Normalise(DockerImageDetails image) => image with
    {
        RepoTags = image.RepoTags ?? [],
        RepoDigests = image.RepoDigests ?? [],
        Config = (image.Config ?? new DockerImageConfig(null, null, null, null, null, null, null, null)).Normalise(),
        RootFs = image.RootFs ?? new DockerRootFs("layers", []),
    };
}

using System.Text.RegularExpressions;

namespace Build.Stages.Deploy.Ecs;

/// <summary>ECS runs an image by digest only: a tag can be moved after the image was tested, a digest cannot.</summary>
public static partial class EcsImageReference
{
    /// <summary>Whether <paramref name="image"/> is <c>repository@sha256:&lt;64 hex&gt;</c> with no tag.</summary>
    public static bool IsDigest(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var match = Digest().Match(image);
        return match.Success && !match.Groups["name"].Value[(match.Groups["name"].Value.LastIndexOf('/') + 1)..].Contains(':', StringComparison.Ordinal);
    }

    /// <summary>Throws <see cref="EcsDeployFailedException"/> (refused, nothing changed) unless <paramref name="image"/> is a digest reference.</summary>
    public static void RequireDigest(string image, string target)
    {
        if (!IsDigest(image))
        {
            throw new EcsDeployFailedException(
                EcsDeployFailureKind.Refused,
                $"Deploy to ECS service {target} refused: '{image}' is not an image by digest (repository@sha256:<64 hex>, no tag); a tag can move, so ECS deploys exactly what Push recorded.");
        }
    }

    [GeneratedRegex("^(?<name>[^@\\s]+)@sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();
}

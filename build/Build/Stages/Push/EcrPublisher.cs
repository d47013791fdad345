using Build.Stages.Image;
using Build.Tools.Aws.Ecr;
using Build.Tools.Docker;
using Cake.Common.Diagnostics;
using Cake.Core;

namespace Build.Stages.Push;

/// <summary>
/// Pushes an image to an ECR repository: a tag that already exists must hold this very image (else nothing is
/// pushed), the missing tags are pushed after a docker login with an ECR token (password on stdin, credentials in a
/// throw-away docker config folder), and ECR's own view of the digest and its tags is checked afterwards.
/// </summary>
public static class EcrPublisher
{
    public static async Task<PushedImage> PushAsync(ICakeContext context, IEcrClient ecr, EcrRepository repository, ImageBuildResult image, EcrPushOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ecr);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        var registry = RegistryOf(repository);
        var check = await ExistingTags.CheckAsync(image, repository.Uri, (tag, token) => LookUpAsync(ecr, repository, tag, token), cancellation).ConfigureAwait(false);
        if (check.KeptWarning(repository.Uri) is { } kept)
        {
            context.Warning("{0}", kept);
        }

        var digest = check.Digest;
        var missing = check.Missing.ToList();
        if (digest is null && missing.Count > 0)
        {
            digest = await LogInAndPushAsync(context, ecr, repository, image, missing[0], options, cancellation).ConfigureAwait(false);
            missing.RemoveAt(0);
        }

        if (digest is null)
        {
            throw new CakeException("The image has no tags to push.");
        }

        // Once ECR holds the image, further tags name that very manifest (PutImage): nothing is uploaded again, and
        // a retry elsewhere can never make a second manifest for one image.
        foreach (var tag in missing)
        {
            await ecr.AddTagAsync(repository.Name, digest, tag, cancellation).ConfigureAwait(false);
            context.Information("Tagged {0}@{1} as {2} (ECR PutImage).", repository.Uri, digest, tag);
        }

        var stored = await VerifyAsync(ecr, repository, check.Tags, digest, cancellation).ConfigureAwait(false);
        if (!repository.TagsImmutable)
        {
            context.Warning("ECR repository {0} has MUTABLE tags: anyone can move {1} to another image; set image_tag_mutability = \"IMMUTABLE\" (terraform/ecr.tf does).", repository.Name, image.Tags[0]);
        }

        return new PushedImage(registry, repository.Name, digest, check.Tags, stored.SizeInBytes ?? 0, check.Present);
    }

    /// <summary>Gets the registry host of a repository URI (<c>123456789012.dkr.ecr.eu-west-1.amazonaws.com</c>).</summary>
    public static string RegistryOf(EcrRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var slash = repository.Uri.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? repository.Uri[..slash] : throw new CakeException($"ECR returned the repository URI '{repository.Uri}', which names no registry host.");
    }

    /// <summary>What ECR holds under <paramref name="tag"/> (DescribeImages, then the manifest for its config digest).</summary>
    public static async Task<ExistingTags.StoredTag?> LookUpAsync(IEcrClient ecr, EcrRepository repository, string tag, CancellationToken cancellation)
    {
        if (await ecr.DescribeImageAsync(repository.Name, EcrImageId.ByTag(tag), cancellation).ConfigureAwait(false) is not { } existing)
        {
            return null;
        }

        var stored = await ecr.BatchGetImageAsync(repository.Name, existing.Digest, cancellation).ConfigureAwait(false);
        return new ExistingTags.StoredTag(existing.Digest, RegistryClient.Parse(existing.Digest, stored.MediaType ?? "", stored.Manifest).ConfigDigest);
    }

    private static async Task<string> LogInAndPushAsync(
        ICakeContext context, IEcrClient ecr, EcrRepository repository, ImageBuildResult image, string tag, EcrPushOptions options, CancellationToken cancellation)
    {
        var registry = RegistryOf(repository);
        var authorization = await ecr.GetAuthorizationTokenAsync(cancellation).ConfigureAwait(false);
        if (!string.Equals(authorization.Registry, registry, StringComparison.OrdinalIgnoreCase))
        {
            throw new CakeException($"ECR issued registry credentials for {authorization.Registry}, but repository {repository.Name} lives at {registry}: check AWS_REGION and the account of the credentials.");
        }

        using var config = DockerCredentialFolder.Create(context, options.ScratchDirectory);
        context.DockerLogin(authorization.Registry, authorization.Password, new DockerLoginSettings { Username = authorization.UserName, ConfigDirectory = config.Path });
        var target = ImageTags.Reference(repository.Uri, tag);
        context.DockerTag(ImageTags.Reference(image.Repository, tag), target);
        var pushSettings = options.PushSettings();
        pushSettings.ConfigDirectory = config.Path;
        return context.DockerPush(target, pushSettings).Digest;
    }

    /// <summary>ECR's own view after a push: the digest is listed, with every tag that should name it.</summary>
    public static async Task<EcrImage> VerifyAsync(IEcrClient ecr, EcrRepository repository, IReadOnlyList<string> tags, string digest, CancellationToken cancellation)
    {
        var stored = await ecr.DescribeImageAsync(repository.Name, EcrImageId.ByDigest(digest), cancellation).ConfigureAwait(false)
            ?? throw new CakeException($"docker pushed {repository.Uri}@{digest}, but ECR does not list that digest: check the repository and the region.");
        var untagged = tags.Except(stored.Tags, StringComparer.Ordinal).ToList();
        return untagged.Count == 0
            ? stored
            : throw new CakeException($"After the push ECR lists {repository.Uri}@{digest} without tag(s) {string.Join(", ", untagged)}: another push raced this one; check the repository.");
    }

}

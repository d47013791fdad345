using Build.Core;
using Build.Core.Environments;
using Build.Parameters;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecr;
using Cake.Common.Diagnostics;
using Cake.Core;

namespace Build.Stages.Push;

/// <summary>
/// The ECR side of a cloud environment's Push: the client (in the environment's region, credentials from the SDK
/// chain) and the repository, described once. Opened by
/// <see cref="PushPrecondition"/> before Setup when the run will push, so missing credentials or a missing repository
/// fail the build before the image is built.
/// </summary>
public sealed record EcrSession(CloudEnvironment Environment, IEcrClient Client, EcrRepository Repository)
{
    public static Task<EcrSession> OpenAsync(BuildContext context, CloudEnvironment environment, CancellationToken cancellation) =>
        OpenAsync(context, environment, scanOnPushRequired: true, cancellation);

    /// <param name="context">The build.</param>
    /// <param name="environment">Whose repository.</param>
    /// <param name="scanOnPushRequired">Whether images will arrive in it (then ECR must scan them); false for a repository only read (Promote's source).</param>
    /// <param name="cancellation">Stops the calls.</param>
    public static async Task<EcrSession> OpenAsync(BuildContext context, CloudEnvironment environment, bool scanOnPushRequired, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = environment.AwsSettingsFor(AwsService.Ecr, context.Environment.GetEnvironmentVariable);
        var client = new EcrClient(settings, context.Secrets, context.Log);
        var name = environment.RepositoryName;
        EcrRepository repository;
        try
        {
            var found = await client.DescribeRepositoriesAsync([name], cancellation).ConfigureAwait(false);
            repository = found.Count == 1 ? found[0] : throw new CakeException($"ECR DescribeRepositories returned {found.Count} repositories for {name}; expected one.");
        }
        catch (EcrRepositoryNotFoundException)
        {
            throw new CakeException(
                $"ECR repository {name} does not exist in {settings.Region}: terraform creates it, so run ./build.sh --target Apply --environment {environment.Name} first (or pass --{ArgumentNames.EcrRepository} NAME).");
        }

        if (scanOnPushRequired && !repository.ScanOnPush)
        {
            throw new CakeException(
                $"ECR repository {name} has scan on push off, so nothing would judge the image after the push: turn it on (terraform/ecr.tf sets scan_on_push = true; terraform apply restores it).");
        }

        context.Information(
            "ECR{0}: {1} in {2} (tags {3}, scan on push {4}).",
            scanOnPushRequired ? "" : $" ({environment.Name}, read only)",
            repository.Uri,
            settings.Region,
            repository.TagsImmutable ? "immutable" : "MUTABLE",
            repository.ScanOnPush ? "on" : "off");
        return new EcrSession(environment, client, repository);
    }
}

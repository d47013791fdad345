using System.Text.RegularExpressions;
using Build.Core;
using Build.Stages.Image;

namespace Build.Parameters;

/// <summary>
/// Parameters of the image stages (BaseImage, Image, ImageScan, Push), validated with the others before any task runs.
/// </summary>
public sealed partial record ImageParameters(
    string Repository,
    string BuildMode,
    string BaseImage,
    string Builder,
    int SizeBudgetMegabytes,
    string Registry,
    string SdkImage = ImageParameters.MicrosoftSdk)
{
    /// <summary>What <c>--base-image local</c> means: the base the BaseImage target builds from Debian packages.</summary>
    public const string LocalBase = "local";

    public const string MicrosoftBase = "mcr.microsoft.com/dotnet/runtime-deps:10.0";

    /// <summary>The SDK image of the Dockerfile's sdk stages (its SDK_IMAGE argument's default).</summary>
    public const string MicrosoftSdk = "mcr.microsoft.com/dotnet/sdk:10.0";

    public const string DefaultRepository = "app";

    public const string DefaultRegistry = "127.0.0.1:5000";

    public const int DefaultSizeBudgetMegabytes = 120;

    public static ImageParameters Default { get; } = new(DefaultRepository, ImageBuildModes.Prebuilt, MicrosoftBase, ImageBuilders.Auto, DefaultSizeBudgetMegabytes, DefaultRegistry);

    /// <summary>Gets the ECR repository a cloud environment pushes to when <c>--ecr-repository</c> names one; null: the
    /// environment's own, "&lt;service_name&gt;-&lt;env&gt;" from terraform/environments/&lt;env&gt;.tfvars.</summary>
    public string? EcrRepository { get; init; }

    /// <summary>Gets a value indicating whether the image builds on the base that the BaseImage target makes.</summary>
    public bool UsesLocalBase => BaseImage.Equals(LocalBase, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the image parameters. The base image defaults to the locally built one for <c>--environment local</c>
    /// (no registry needed, like everything else in that environment) and to Microsoft's runtime-deps elsewhere.
    /// </summary>
    public static ImageParameters Parse(ArgumentReader reader, string environment)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var repository = reader.Optional(Names.Repository) ?? DefaultRepository;
        if (!RepositoryName().IsMatch(repository))
        {
            throw UsageError.Of($"Invalid --{Names.Repository} '{repository}': use lower-case letters, digits and . _ - / (e.g. app or team/app).");
        }

        var ecrRepository = reader.Optional(Names.EcrRepository);
        if (ecrRepository is not null && !RepositoryName().IsMatch(ecrRepository))
        {
            throw UsageError.Of($"Invalid --{Names.EcrRepository} '{ecrRepository}': use lower-case letters, digits and . _ - / (e.g. app-dev).");
        }

        var registry = reader.Optional(Names.Registry) ?? DefaultRegistry;
        if (!RegistryHost().IsMatch(registry))
        {
            throw UsageError.Of($"Invalid --{Names.Registry} '{registry}': use host:port, e.g. {DefaultRegistry}.");
        }

        var fallbackBase = environment == BuildEnvironments.Local ? LocalBase : MicrosoftBase;
        var baseImage = reader.Optional(Names.BaseImage) ?? fallbackBase;
        if (baseImage.Any(char.IsWhiteSpace))
        {
            throw UsageError.Of($"Invalid --{Names.BaseImage} '{baseImage}': use '{LocalBase}' or an image reference such as {MicrosoftBase}.");
        }

        var sdkImage = reader.Optional(Names.SdkImage) ?? MicrosoftSdk;
        if (sdkImage.Any(char.IsWhiteSpace))
        {
            throw UsageError.Of($"Invalid --{Names.SdkImage} '{sdkImage}': use an image reference such as {MicrosoftSdk}.");
        }

        return new ImageParameters(
            repository,
            reader.OneOf(Names.BuildMode, ImageBuildModes.All, ImageBuildModes.Prebuilt),
            baseImage,
            reader.OneOf(Names.Builder, ImageBuilders.All, ImageBuilders.Auto),
            reader.IntInRange(Names.SizeBudget, 1, 100_000, DefaultSizeBudgetMegabytes),
            registry,
            sdkImage)
        {
            EcrRepository = ecrRepository,
        };
    }

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryName();

    [GeneratedRegex(@"^[A-Za-z0-9.-]+(?::\d{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryHost();

    /// <summary>The names of the image parameters, read as <c>--name value</c>.</summary>
    public static class Names
    {
        public const string Repository = "image-repository";
        public const string BuildMode = "image-build-mode";
        public const string BaseImage = "base-image";
        public const string Builder = "image-builder";
        public const string SizeBudget = "image-size-budget-mb";
        public const string Registry = "registry";
        public const string SdkImage = "sdk-image";
        public const string EcrRepository = "ecr-repository";
    }
}

using System.Text.RegularExpressions;
using Build.Core;

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
    public static ImageParameters Parse(ArgumentReader reader, bool localEnvironment)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var repository = reader.Text(ParameterTable.ImageRepository) ?? DefaultRepository;
        if (!RepositoryName().IsMatch(repository))
        {
            throw UsageError.Of($"Invalid --{ArgumentNames.ImageRepository} '{repository}': use lower-case letters, digits and . _ - / (e.g. app or team/app).");
        }

        var ecrRepository = reader.Text(ParameterTable.EcrRepository);
        if (ecrRepository is not null && !RepositoryName().IsMatch(ecrRepository))
        {
            throw UsageError.Of($"Invalid --{ArgumentNames.EcrRepository} '{ecrRepository}': use lower-case letters, digits and . _ - / (e.g. app-dev).");
        }

        var registry = reader.Text(ParameterTable.Registry) ?? DefaultRegistry;
        if (!RegistryHost().IsMatch(registry))
        {
            throw UsageError.Of($"Invalid --{ArgumentNames.Registry} '{registry}': use host:port, e.g. {DefaultRegistry}.");
        }

        var fallbackBase = localEnvironment ? LocalBase : MicrosoftBase;
        var baseImage = reader.Text(ParameterTable.BaseImage) ?? fallbackBase;
        if (baseImage.Any(char.IsWhiteSpace))
        {
            throw UsageError.Of($"Invalid --{ArgumentNames.BaseImage} '{baseImage}': use '{LocalBase}' or an image reference such as {MicrosoftBase}.");
        }

        var sdkImage = reader.Text(ParameterTable.SdkImage) ?? MicrosoftSdk;
        if (sdkImage.Any(char.IsWhiteSpace))
        {
            throw UsageError.Of($"Invalid --{ArgumentNames.SdkImage} '{sdkImage}': use an image reference such as {MicrosoftSdk}.");
        }

        return new ImageParameters(
            repository,
            reader.Choice(ParameterTable.ImageBuildMode),
            baseImage,
            reader.Choice(ParameterTable.ImageBuilder),
            reader.Number(ParameterTable.ImageSizeBudget),
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
}

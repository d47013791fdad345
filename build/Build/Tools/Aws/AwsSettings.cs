using System.Globalization;
using Amazon.Runtime;
using Cake.Core;

namespace Build.Tools.Aws;

/// <summary>
/// Where and how one AWS service is called: region, endpoint, credentials (null: the SDK's default chain, which
/// honours AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE, web identity and SSO) and retries.
/// Tests build it explicitly; the build reads it with <see cref="FromEnvironment"/>.
/// </summary>
public sealed record AwsSettings
{
    public AwsSettings(string region, Uri endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(endpoint);
        Region = region;
        Endpoint = endpoint;
    }

    public string Region { get; }

    public Uri Endpoint { get; }

    public AWSCredentials? Credentials { get; init; }

    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <summary>Gets where <see cref="Endpoint"/> came from, for error messages ("from AWS_ENDPOINT_URL_ECR").</summary>
    public string EndpointSource { get; init; } = "the configured endpoint";

    /// <summary>Gets what to do when the endpoint cannot be reached, for error messages.</summary>
    public string EndpointHint { get; init; } = "check the endpoint";

    /// <summary>
    /// Region from AWS_REGION, then AWS_DEFAULT_REGION; endpoint from the service's AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
    /// then AWS_ENDPOINT_URL, else the service's regional endpoint; attempts from AWS_MAX_ATTEMPTS.
    /// </summary>
    /// <param name="service">The service called.</param>
    /// <param name="variables">Reads an environment variable.</param>
    /// <param name="configuredRegion">
    /// The region an environment's checked-in settings name, and where they live: used when no variable names one, and
    /// a variable naming another region is an error (an image pushed to one region and deployed from another fails late).
    /// </param>
    public static AwsSettings FromEnvironment(AwsService service, Func<string, string?> variables, ConfiguredRegion? configuredRegion = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(variables);
        var region = ReadRegion(variables, configuredRegion);
        var (endpoint, variable) = AwsEndpoints.ResolveWithSource(service, region, variables);
        return new AwsSettings(region, endpoint)
        {
            Retry = ReadRetry(variables),
            EndpointSource = variable is null ? $"the regional endpoint of {region}" : $"from {variable}",
            EndpointHint = variable is null
                ? $"set {service.EndpointVariable} (or {AwsEnvironmentVariables.EndpointUrl}) to reach AWS through another endpoint"
                : $"correct or unset {variable}",
        };
    }

    private static string ReadRegion(Func<string, string?> variables, ConfiguredRegion? configured)
    {
        var (name, value) = First(variables, AwsEnvironmentVariables.Region, AwsEnvironmentVariables.DefaultRegion);
        if (configured is not null)
        {
            return value is null || value == configured.Region
                ? configured.Region
                : throw new CakeException($"{name} is {value}, but {configured.Source} puts this environment in {configured.Region}: unset {name} or correct the file.");
        }

        if (value is null)
        {
            throw new CakeException(
                $"No AWS region: set {AwsEnvironmentVariables.Region} (for example eu-west-1); {AwsEnvironmentVariables.DefaultRegion} is read as a fallback.");
        }

        return AwsRegions.IsName(value)
            ? value
            : throw new CakeException($"{name} '{value}' is not an AWS region name: use one like eu-west-1 or us-east-1.");
    }

    private static AwsRetryPolicy ReadRetry(Func<string, string?> variables)
    {
        var value = variables(AwsEnvironmentVariables.MaxAttempts)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return AwsRetryPolicy.Default;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempts) && attempts is >= 1 and <= 20
            ? new AwsRetryPolicy(attempts, AwsRetryPolicy.Default.BaseDelay, AwsRetryPolicy.Default.MaxDelay)
            : throw new CakeException($"{AwsEnvironmentVariables.MaxAttempts} '{value}' is not a whole number from 1 to 20.");
    }

    private static (string Name, string? Value) First(Func<string, string?> variables, params string[] names)
    {
        foreach (var name in names)
        {
            var value = variables(name)?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                return (name, value);
            }
        }

        return (names[0], null);
    }

    /// <summary>A region named by checked-in settings, and the file that names it (for error messages).</summary>
    public sealed record ConfiguredRegion(string Region, string Source);
}

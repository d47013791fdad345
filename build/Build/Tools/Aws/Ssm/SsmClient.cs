using System.Text.Json.Serialization;
using Build.Core.Secrets;
using Cake.Core.Diagnostics;

namespace Build.Tools.Aws.Ssm;

/// <summary>
/// SSM Parameter Store over its JSON-1.1 wire protocol (POST /, X-Amz-Target AmazonSSM.*), signed and retried by
/// <see cref="AwsJsonClient"/>; the endpoint honours AWS_ENDPOINT_URL_SSM, then AWS_ENDPOINT_URL.
/// </summary>
public sealed class SsmClient : ISsmClient
{
    public const string PutParameter = nameof(PutParameter);

    private readonly AwsJsonClient _aws;

    public SsmClient(AwsSettings settings, SecretRegistry secrets, ICakeLog log, HttpClient? http = null)
    {
        _aws = new AwsJsonClient(AwsService.Ssm, settings, secrets, log, http);
    }

    public async Task<long> PutParameterAsync(string name, string value, string description, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        var response = await _aws.SendAsync<PutParameterRequest, PutParameterResponse>(
            PutParameter, new PutParameterRequest(name, value, "String", Overwrite: true, description), cancellationToken);
        return response.Version;
    }

    // SSM's members are PascalCase, unlike ECS's and ECR's.
    private sealed record PutParameterRequest(
        [property: JsonPropertyName("Name")] string Name,
        [property: JsonPropertyName("Value")] string Value,
        [property: JsonPropertyName("Type")] string Type,
        [property: JsonPropertyName("Overwrite")] bool Overwrite,
        [property: JsonPropertyName("Description")] string? Description);

    private sealed record PutParameterResponse(
        [property: JsonPropertyName("Version")] long Version,
        [property: JsonPropertyName("Tier")] string? Tier);
}

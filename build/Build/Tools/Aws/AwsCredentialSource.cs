using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Build.Core.Secrets;
using Cake.Core;

namespace Build.Tools.Aws;

/// <summary>
/// The credentials of every call: given ones, else the SDK's default chain (environment keys, AWS_PROFILE with
/// shared config/SSO, web identity, container and instance roles). Each secret part is registered for redaction
/// as soon as it is read, refreshed credentials included.
/// </summary>
internal sealed class AwsCredentialSource(AWSCredentials? credentials, IClientConfig config, SecretRegistry secrets)
{
    private AWSCredentials? _credentials = credentials;

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        ImmutableCredentials current;
        try
        {
            _credentials ??= await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(config, cancellationToken);
            current = await _credentials.GetCredentialsAsync();
        }
        catch (AmazonClientException failure)
        {
            throw new CakeException(NotResolved(failure.Message));
        }
        catch (AmazonServiceException refused)
        {
            // STS (web identity, assume role) or SSO refused to hand out credentials.
            throw new CakeException($"AWS credentials could not be obtained ({refused.ErrorCode}: {secrets.Redact(OneLine(refused.Message))}): refresh them (aws sso login / new keys) or check the role's trust policy.");
        }
        catch (InvalidOperationException missing) when (missing.Message.Contains("could not be found or loaded", StringComparison.Ordinal))
        {
            // Web identity and assume-role need AWSSDK.SecurityToken, SSO profiles AWSSDK.SSO and AWSSDK.SSOOIDC, loaded by name.
            throw new CakeException($"AWS credentials need an SDK package the build does not reference: {secrets.Redact(OneLine(missing.Message))} Add it to build/Build/Build.csproj, or provide keys through AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.");
        }

        secrets.Register(current.SecretKey);
        secrets.Register(current.Token);
        return current;
    }

    private string NotResolved(string message) =>
        message.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal)
            ? $"No AWS credentials found (environment, {AwsEnvironmentVariables.Profile}/shared config, web identity, SSO, instance role): set {AwsEnvironmentVariables.Profile} (then aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
            : $"AWS credentials could not be loaded ({secrets.Redact(OneLine(message))}): refresh them (aws sso login / new keys).";

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

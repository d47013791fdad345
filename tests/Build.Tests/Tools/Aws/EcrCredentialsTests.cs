using Amazon.Runtime;
using Build.Core.Secrets;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecr;

namespace Build.Tests.Tools.Aws;

public sealed class EcrCredentialsTests : IDisposable
{
    private const string Hint = "): refresh them (aws sso login / new keys).";

    private readonly FakeEcr _ecr = new();
    private readonly SecretRegistry _secrets = new();
    private readonly CapturingLog _log = new();

    public EcrCredentialsTests()
    {
        _ecr.AddRepository("app");
    }

    [Fact]
    public async Task A_wrong_secret_key_fails_the_fakes_signature_check_and_is_not_retried()
    {
        var client = Client(new BasicAWSCredentials(FakeEcr.AccessKey, "wrong/Secret+Key/0000000000000000000000000"));

        var error = await Assert.ThrowsAsync<AwsCredentialsRejectedException>(() => client.DescribeRepositoriesAsync(["app"]));

        Assert.Equal(
            "AWS credentials were rejected (ECR DescribeRepositories: InvalidSignatureException: The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details." + Hint,
            error.Message);
        Assert.Equal("signature", Assert.Single(_ecr.Requests).Rejection);
    }

    [Fact]
    public async Task An_expired_session_says_to_refresh_the_credentials()
    {
        _ecr.FailNext(1, 400, "ExpiredTokenException", "The security token included in the request is expired");

        var error = await Assert.ThrowsAsync<AwsCredentialsRejectedException>(() => Client().GetAuthorizationTokenAsync());

        Assert.Equal("AWS credentials were rejected (ECR GetAuthorizationToken: ExpiredTokenException: The security token included in the request is expired" + Hint, error.Message);
        Assert.Equal(1, _ecr.CountOf("GetAuthorizationToken"));
    }

    [Fact]
    public async Task An_unknown_access_key_is_rejected_with_the_same_hint()
    {
        var error = await Assert.ThrowsAsync<AwsCredentialsRejectedException>(
            () => Client(new BasicAWSCredentials("AKIAUNKNOWNKEY000000", FakeEcr.SecretKey)).DescribeRepositoriesAsync(["app"]));

        Assert.Equal("AWS credentials were rejected (ECR DescribeRepositories: UnrecognizedClientException: The security token included in the request is invalid." + Hint, error.Message);
    }

    [Fact]
    public async Task A_missing_session_token_is_rejected()
    {
        _ecr.SessionToken = "FwoGZXIvYXdzEExpectedSessionToken000000000000";

        var error = await Assert.ThrowsAsync<AwsCredentialsRejectedException>(() => Client().DescribeRepositoriesAsync(["app"]));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
    }

    [Fact]
    public async Task The_secret_key_and_session_token_never_appear_in_an_error_or_the_log()
    {
        const string token = "FwoGZXIvYXdzESessionTokenThatMustStaySecret0123";
        _ecr.SessionToken = token;
        var client = Client(new SessionAWSCredentials(FakeEcr.AccessKey, FakeEcr.SecretKey, token));
        _ecr.FailNext(2, 400, "ThrottlingException", $"Rate exceeded for key {FakeEcr.SecretKey}");
        _ecr.FailNext(1, 400, "ValidationException", $"Echoing the request: secret={FakeEcr.SecretKey} token={token}");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeRepositoriesAsync(["app"]));
        var rejected = await Assert.ThrowsAsync<AwsCredentialsRejectedException>(
            () => Client(new SessionAWSCredentials(FakeEcr.AccessKey, "another/Secret+Key/that+is+wrong+0000000", token)).GetAuthorizationTokenAsync());

        Assert.Equal(3, _ecr.CountOf("DescribeRepositories"));
        Assert.Equal("ECR DescribeRepositories failed (ValidationException: Echoing the request: secret=*** token=***).", error.Message);
        var everything = string.Join('\n', error.ToString(), rejected.ToString(), _log.All);
        Assert.Contains("Rate exceeded for key ***", _log.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeEcr.SecretKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("another/Secret+Key", everything, StringComparison.Ordinal);
    }

    public void Dispose() => _ecr.Dispose();

    private EcrClient Client(AWSCredentials? credentials = null) => new(_ecr.Settings(credentials), _secrets, _log);
}

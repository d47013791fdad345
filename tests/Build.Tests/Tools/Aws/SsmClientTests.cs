using Amazon.Runtime;
using Build.Core.Secrets;
using Build.Tools.Aws;
using Build.Tools.Aws.Ssm;

namespace Build.Tests.Tools.Aws;

/// <summary>The thin SSM client against the fake SSM: JSON 1.1 with SSM's PascalCase members, SigV4 for ssm, errors named.</summary>
public sealed class SsmClientTests : IDisposable
{
    private readonly FakeSsm _ssm = new();

    public void Dispose() => _ssm.Dispose();

    [Fact]
    public async Task PutParameter_is_signed_for_ssm_and_overwrites_the_value()
    {
        var client = new SsmClient(_ssm.Settings(), new SecretRegistry(), new CapturingLog());

        var first = await client.PutParameterAsync("/app-dev/test-traffic-gate/abc", "{\"verdict\":\"fail\"}", "verdict");
        var second = await client.PutParameterAsync("/app-dev/test-traffic-gate/abc", "{\"verdict\":\"pass\"}", "verdict");

        Assert.Equal((1L, 2L), (first, second));
        Assert.Equal("{\"verdict\":\"pass\"}", _ssm.Value("/app-dev/test-traffic-gate/abc"));
        Assert.All(_ssm.Requests, request => Assert.Equal(("PutParameter", null), (request.Operation, request.Rejection)));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_the_signature_check_as_rejected_credentials_in_one_line()
    {
        var client = new SsmClient(_ssm.Settings(new BasicAWSCredentials(FakeEcs.AccessKey, "wrong")), new SecretRegistry(), new CapturingLog());

        var error = await Assert.ThrowsAsync<AwsCredentialsRejectedException>(() => client.PutParameterAsync("/app-dev/test-traffic-gate/abc", "x", "verdict"));

        Assert.Contains("AWS credentials were rejected (SSM PutParameter: InvalidSignatureException", error.Message, StringComparison.Ordinal);
        Assert.Null(_ssm.Value("/app-dev/test-traffic-gate/abc"));
        Assert.DoesNotContain('\n', error.Message);
    }
}

using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Build.Aws;
using Build.Aws.Ecr;

namespace Build.Tests.Aws;

public sealed class EcrRetryTests : IDisposable
{
    private readonly FakeEcr _ecr = new();
    private readonly CapturingLog _log = new();

    public EcrRetryTests()
    {
        _ecr.AddRepository("app");
    }

    [Fact]
    public async Task Throttling_is_retried_until_the_call_succeeds()
    {
        _ecr.FailNext(2, 400, "ThrottlingException", "Rate exceeded");

        var repositories = await Client().DescribeRepositoriesAsync(["app"]);

        Assert.Single(repositories);
        Assert.Equal(3, _ecr.CountOf("DescribeRepositories"));
        Assert.Equal(3, _ecr.VerifiedSignatures);
        var retries = _log.Lines.Where(line => line.Contains("retry", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Matches(@"^Warning: ECR DescribeRepositories failed \(ThrottlingException: Rate exceeded\); retry 1 of 3 in 0\.0[0-9] s\.$", retries[0]);
    }

    [Theory]
    [InlineData(429, "TooManyRequestsException")]
    [InlineData(500, "ServerException")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Too_many_requests_and_server_errors_are_retried(int status, string code)
    {
        _ecr.FailNext(1, status, code, "try again");

        await Client().DescribeRepositoriesAsync(["app"]);

        Assert.Equal(2, _ecr.CountOf("DescribeRepositories"));
    }

    [Fact]
    public async Task A_gateway_error_page_that_is_not_JSON_is_retried()
    {
        _ecr.FailNextWithBody(1, 502, "<html><body>502 Bad Gateway</body></html>");

        await Client().DescribeRepositoriesAsync(["app"]);

        Assert.Equal(2, _ecr.CountOf("DescribeRepositories"));
    }

    [Fact]
    public async Task Retries_are_bounded_and_giving_up_is_one_clear_line()
    {
        _ecr.FailNext(100, 400, "ThrottlingException", "Rate exceeded");

        var error = await Assert.ThrowsAsync<AwsRetriesExhaustedException>(() => Client(maxAttempts: 4).DescribeRepositoriesAsync(["app"]));

        Assert.Equal(4, _ecr.CountOf("DescribeRepositories"));
        Assert.Equal(4, error.Attempts);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Matches(
            @"^ECR DescribeRepositories still failed after 4 attempt\(s\) in [0-9]+\.[0-9] s \(ThrottlingException: Rate exceeded\): AWS is throttling or unavailable; retry later\.$",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _ecr.FailNext(1, 400, "InvalidParameterException", "Invalid parameter at 'maxResults'");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().DescribeRepositoriesAsync(["app"]));

        Assert.Equal(1, _ecr.CountOf("DescribeRepositories"));
        Assert.Equal("ECR DescribeRepositories failed (InvalidParameterException: Invalid parameter at 'maxResults').", error.Message);
    }

    [Fact]
    public async Task An_access_denial_says_a_permission_is_missing()
    {
        _ecr.FailNext(1, 400, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:DescribeRepositories");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().DescribeRepositoriesAsync(["app"]));

        Assert.Equal(
            "ECR DescribeRepositories was denied (AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:DescribeRepositories): grant the role or user permission for it.",
            error.Message);
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_fails_after_the_retries_naming_it()
    {
        var closed = ClosedPort();
        var settings = new AwsSettings(FakeEcr.Region, closed)
        {
            Credentials = new BasicAWSCredentials(FakeEcr.AccessKey, FakeEcr.SecretKey),
            Retry = new AwsRetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)),
        };

        var error = await Assert.ThrowsAsync<AwsRetriesExhaustedException>(() => new EcrClient(settings, new SecretRegistry(), _log).DescribeRepositoriesAsync(["app"]));

        Assert.Equal(3, error.Attempts);
        Assert.Contains($"(NetworkError: {closed} could not be reached", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _ecr.Dispose();

    private static Uri ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndPoint!).Port}/");
    }

    private EcrClient Client(int maxAttempts = 4) => new(_ecr.Settings(maxAttempts: maxAttempts), new SecretRegistry(), _log);
}

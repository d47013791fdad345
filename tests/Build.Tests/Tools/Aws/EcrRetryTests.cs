using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Build.Core.Secrets;
using Build.Tests.Support;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecr;

namespace Build.Tests.Tools.Aws;

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
    public async Task An_endpoint_nobody_listens_on_is_a_network_error_naming_it_and_its_source_not_throttling()
    {
        var closed = ClosedPort();
        var settings = FailingSettings(closed, attempts: 3) with { EndpointSource = "from AWS_ENDPOINT_URL_ECR", EndpointHint = "correct or unset AWS_ENDPOINT_URL_ECR" };

        var error = await Assert.ThrowsAsync<AwsRetriesExhaustedException>(() => new EcrClient(settings, new SecretRegistry(), _log).DescribeRepositoriesAsync(["app"]));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(AwsNetworkFailure.ConnectionCode, error.ErrorCode);
        Assert.Matches(
            $@"^ECR DescribeRepositories could not reach {Regex.Escape(closed.ToString())} \(from AWS_ENDPOINT_URL_ECR\) after 3 attempt\(s\) in [0-9.]+ s: connection refused \(nothing listens there\)\. This is a network problem, not AWS throttling: check the network \(proxy, VPN, firewall\), or correct or unset AWS_ENDPOINT_URL_ECR\.$",
            error.Message);
        Assert.DoesNotContain("throttling or unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_a_DNS_error()
    {
        var settings = FailingSettings(new Uri("http://ecr.nothing-here.invalid/"), attempts: 2);

        var error = await Assert.ThrowsAsync<AwsRetriesExhaustedException>(() => new EcrClient(settings, new SecretRegistry(), _log).DescribeRepositoriesAsync(["app"]));

        Assert.Equal(AwsNetworkFailure.NameResolutionCode, error.ErrorCode);
        Assert.Contains("could not reach http://ecr.nothing-here.invalid/ (the configured endpoint) after 2 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains(": the host name does not resolve (DNS).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TLS_failure_is_named_as_such_and_not_retried()
    {
        // An https request to a plain-http server: the handshake cannot succeed, and retrying would not change that.
        using var plain = new LoopbackHttpServer(_ => Task.CompletedTask);
        var https = new UriBuilder(plain.BaseUrl) { Scheme = Uri.UriSchemeHttps }.Uri;
        var settings = FailingSettings(https, attempts: 3);

        var error = await Assert.ThrowsAsync<AwsRetriesExhaustedException>(() => new EcrClient(settings, new SecretRegistry(), _log).DescribeRepositoriesAsync(["app"]));

        Assert.Equal(1, error.Attempts);
        Assert.Equal(AwsNetworkFailure.TlsCode, error.ErrorCode);
        Assert.StartsWith($"ECR DescribeRepositories could not reach {https} (the configured endpoint): the TLS handshake failed (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("check the endpoint's certificate, or a proxy that intercepts TLS, or check the endpoint.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_source_names_the_variable_that_set_it_or_the_region()
    {
        var variables = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1", ["AWS_ENDPOINT_URL_ECR"] = "http://127.0.0.1:4566" };

        var overridden = AwsSettings.FromEnvironment(AwsService.Ecr, name => variables.GetValueOrDefault(name));
        variables.Remove("AWS_ENDPOINT_URL_ECR");
        var regional = AwsSettings.FromEnvironment(AwsService.Ecr, name => variables.GetValueOrDefault(name));

        Assert.Equal("from AWS_ENDPOINT_URL_ECR", overridden.EndpointSource);
        Assert.Equal("correct or unset AWS_ENDPOINT_URL_ECR", overridden.EndpointHint);
        Assert.Equal("the regional endpoint of eu-west-1", regional.EndpointSource);
        Assert.Equal("set AWS_ENDPOINT_URL_ECR (or AWS_ENDPOINT_URL) to reach AWS through another endpoint", regional.EndpointHint);
    }

    [Fact]
    public void Server_errors_and_throttling_still_say_AWS_is_throttling_or_unavailable()
    {
        Assert.False(AwsNetworkFailure.IsNetwork(new AwsError("RequestTimeout", "AWS timed out", 408)));
        Assert.True(AwsErrorCodes.IsRetryable(new AwsError("RequestTimeout", "AWS timed out", 408)));
        Assert.True(AwsNetworkFailure.IsNetwork(AwsNetworkFailure.Timeout(TimeSpan.FromSeconds(60))));
    }

    public void Dispose() => _ecr.Dispose();

    private static Uri ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndPoint!).Port}/");
    }

    private static AwsSettings FailingSettings(Uri endpoint, int attempts) => new(FakeEcr.Region, endpoint)
    {
        Credentials = new BasicAWSCredentials(FakeEcr.AccessKey, FakeEcr.SecretKey),
        Retry = new AwsRetryPolicy(attempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)),
    };

    private EcrClient Client(int maxAttempts = 4) => new(_ecr.Settings(maxAttempts: maxAttempts), new SecretRegistry(), _log);
}

using Build.Tools.Aws;
namespace Build.Tests.Tools.Aws;

public sealed class AwsErrorTests
{
    [Fact]
    public void The_code_is_the_part_after_the_namespace()
    {
        var error = AwsError.Parse(400, """{"__type":"com.amazonaws.ecr#RepositoryNotFoundException","message":"The repository with name 'app' does not exist"}""", null);

        Assert.Equal(new AwsError("RepositoryNotFoundException", "The repository with name 'app' does not exist", 400), error);
    }

    [Fact]
    public void A_capitalised_Message_and_a_header_only_code_are_read_too()
    {
        var error = AwsError.Parse(400, """{"Message":"Rate exceeded"}""", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/");

        Assert.Equal(new AwsError("ThrottlingException", "Rate exceeded", 400), error);
    }

    [Fact]
    public void A_body_that_is_not_JSON_becomes_the_message_on_one_line()
    {
        var error = AwsError.Parse(502, "<html>\n<body>Bad Gateway</body>\n</html>", null);

        Assert.Equal(new AwsError("HTTP 502", "<html> <body>Bad Gateway</body> </html>", 502), error);
    }

    [Theory]
    [InlineData("ThrottlingException", 400, true, true, false)]
    [InlineData("HTTP 429", 429, true, true, false)]
    [InlineData("ServerException", 500, false, true, false)]
    [InlineData("HTTP 504", 504, false, true, false)]
    [InlineData("ExpiredTokenException", 400, false, false, true)]
    [InlineData("InvalidSignatureException", 400, false, false, true)]
    [InlineData("UnrecognizedClientException", 400, false, false, true)]
    [InlineData("LimitExceededException", 400, false, false, false)]
    [InlineData("RepositoryNotFoundException", 400, false, false, false)]
    public void Errors_are_classified(string code, int status, bool throttling, bool retryable, bool credentials)
    {
        var error = new AwsError(code, "message", status);

        Assert.Equal((throttling, retryable, credentials), (AwsErrorCodes.IsThrottling(error), AwsErrorCodes.IsRetryable(error), AwsErrorCodes.IsCredentialsRejected(error)));
    }
}

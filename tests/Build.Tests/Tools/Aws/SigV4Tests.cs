namespace Build.Tests.Tools.Aws;

public sealed class SigV4Tests
{
    [Fact]
    public void The_fake_ECR_verifier_reproduces_the_AWS_get_vanilla_test_vector()
    {
        // From the AWS Signature Version 4 test suite: GET / to example.amazonaws.com, service "service".
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = "example.amazonaws.com",
            ["x-amz-date"] = "20150830T123600Z",
        };

        var signature = SigV4.Signature(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "GET", "/", "", headers, ["host", "x-amz-date"], [], "20150830T123600Z", "us-east-1", "service");

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Fact]
    public void Another_secret_gives_another_signature()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };

        var signature = SigV4.Signature("not-the-secret", "GET", "/", "", headers, ["host", "x-amz-date"], [], "20150830T123600Z", "us-east-1", "service");

        Assert.NotEqual("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }
}

namespace Build.Tests.Secrets;

public sealed class SecretRegistryTests
{
    [Fact]
    public void Longer_secrets_are_masked_whole_and_short_values_are_left_alone()
    {
        var secrets = new SecretRegistry();
        secrets.Register("abcd1234");
        secrets.Register("abcd1234-and-more");
        secrets.Register("short");

        Assert.Equal("token *** and *** but short stays", secrets.Redact("token abcd1234-and-more and abcd1234 but short stays"));
    }

    [Fact]
    public void Each_new_secret_is_announced_once_so_the_CI_can_mask_values_read_mid_build()
    {
        var secrets = new SecretRegistry();
        var announced = new List<string>();
        secrets.Registered += announced.Add;

        secrets.Register("ecr-registry-password-1");
        secrets.Register("ecr-registry-password-1");
        secrets.Register("tiny");
        secrets.Register("refreshed-session-token");

        Assert.Equal(["ecr-registry-password-1", "refreshed-session-token"], announced);
    }
}

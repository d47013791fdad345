using System.Net;
using System.Text.Json;
using Build.Core.Secrets;

namespace Build.Tests.Core.Secrets;

public sealed class SecretRegistryTests
{
    [Fact]
    public void Values_of_eight_characters_or_more_are_masked_anywhere_and_a_longer_one_whole()
    {
        var secrets = new SecretRegistry();
        secrets.Register("abcd1234");
        secrets.Register("abcd1234-and-more");

        Assert.Equal("token *** and *** inside x***y", secrets.Redact("token abcd1234-and-more and abcd1234 inside xabcd1234y"));
    }

    [Theory]
    [InlineData("DB_PASSWORD=Sh0rt7x", "DB_PASSWORD=***")]
    [InlineData("(Sh0rt7x) Sh0rt7x, 'Sh0rt7x'", "(***) ***, '***'")]
    [InlineData("Sh0rt7x", "***")]
    [InlineData("xSh0rt7x Sh0rt7xy Sh0rt7x_1 Sh0rt7x9", "xSh0rt7x Sh0rt7xy Sh0rt7x_1 Sh0rt7x9")]
    [InlineData("Sh0rt7xSh0rt7x Sh0rt7x", "Sh0rt7xSh0rt7x ***")]
    public void Values_of_four_to_seven_characters_are_masked_where_they_stand_as_a_whole_token(string text, string expected)
    {
        var secrets = new SecretRegistry();
        secrets.Register("Sh0rt7x");

        Assert.Equal(expected, secrets.Redact(text));
    }

    [Fact]
    public void Values_under_four_characters_are_announced_to_the_CI_but_not_masked_inline()
    {
        var secrets = new SecretRegistry();
        var announced = new List<string>();
        secrets.Registered += announced.Add;

        secrets.Register("q9");

        Assert.Equal(["q9"], announced);
        Assert.Contains("q9", secrets.Values);
        Assert.Equal("SMTP_PASS q9 stays", secrets.Redact("SMTP_PASS q9 stays"));
    }

    [Fact]
    public void Each_new_secret_is_announced_once_whatever_its_length_so_the_CI_can_mask_values_read_mid_build()
    {
        var secrets = new SecretRegistry();
        var announced = new List<string>();
        secrets.Registered += announced.Add;

        secrets.Register("ecr-registry-password-1");
        secrets.Register("ecr-registry-password-1");
        secrets.Register("tiny");
        secrets.Register("   ");
        secrets.Register(SecretRegistry.Mask);
        secrets.Register("refreshed-session-token");

        Assert.Equal(["ecr-registry-password-1", "tiny", "refreshed-session-token"], announced);
    }

    public static TheoryData<string> EscapedForms()
    {
        const string secret = "p&ss<w>\"rd'+1";
        return new TheoryData<string>
        {
            secret,
            "p&amp;ss&lt;w&gt;\"rd'+1",
            "p&amp;ss&lt;w&gt;&quot;rd'+1",
            "p&amp;ss&lt;w&gt;&quot;rd&apos;+1",
            WebUtility.HtmlEncode(secret),
            JsonSerializer.Serialize(secret).Trim('"'),
            Uri.EscapeDataString(secret),
            "p\\&ss\\<w\\>\"rd'+1",
        };
    }

    [Theory]
    [MemberData(nameof(EscapedForms))]
    public void Every_escaped_form_of_a_secret_is_masked(string written)
    {
        var secrets = new SecretRegistry();
        secrets.Register("p&ss<w>\"rd'+1");

        Assert.Equal("before *** after", secrets.Redact($"before {written} after"));
    }

    [Theory]
    [InlineData("http://user:pw@host/x", "http://***@host/x")]
    [InlineData("git clone https://ghp_Token123@github.com/o/r.git", "git clone https://***@github.com/o/r.git")]
    [InlineData("https://TOKEN:x-oauth-basic@github.com/", "https://***@github.com/")]
    [InlineData("postgres://app:p@ss@db:5432/app?ssl=1", "postgres://***@db:5432/app?ssl=1")]
    [InlineData("HTTPS_PROXY=http://u:p%40ss@proxy:3128, ftp://a:b@files", "HTTPS_PROXY=http://***@proxy:3128, ftp://***@files")]
    [InlineData("{\"url\":\"http://u:p\\u002Bw@h/\"}", "{\"url\":\"http://***@h/\"}")]
    [InlineData("http://host/a@b and mail a@b.example, http://host:8080/", "http://host/a@b and mail a@b.example, http://host:8080/")]
    public void The_userinfo_of_any_URL_is_masked_whole_registered_or_not(string text, string expected)
    {
        Assert.Equal(expected, new SecretRegistry().Redact(text));
    }

    [Fact]
    public void A_multi_line_secret_is_masked_whole_and_line_by_line_and_announced_once()
    {
        var secrets = new SecretRegistry();
        var announced = new List<string>();
        secrets.Registered += announced.Add;
        const string key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n{\n-----END PRIVATE KEY-----\n";

        secrets.Register(key);

        Assert.Equal([key], announced);
        Assert.Equal("key: ***", secrets.Redact("key: " + key));
        Assert.Equal("  *** (line 2)", secrets.Redact("  MIIEvQIBADANBgkqhkiG9w0B (line 2)"));
        Assert.Equal("{ stays", secrets.Redact("{ stays"));
    }
}

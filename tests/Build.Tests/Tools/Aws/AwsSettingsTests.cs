using Build.Tools.Aws;
using Cake.Core;

namespace Build.Tests.Tools.Aws;

public sealed class AwsSettingsTests
{
    [Fact]
    public void The_region_comes_from_AWS_REGION_before_AWS_DEFAULT_REGION()
    {
        var settings = Read(("AWS_REGION", "eu-central-1"), ("AWS_DEFAULT_REGION", "us-east-1"));

        Assert.Equal("eu-central-1", settings.Region);
        Assert.Equal(new Uri("https://api.ecr.eu-central-1.amazonaws.com/"), settings.Endpoint);
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_the_fallback()
    {
        Assert.Equal("us-east-1", Read(("AWS_REGION", " "), ("AWS_DEFAULT_REGION", "us-east-1")).Region);
    }

    [Fact]
    public void A_missing_region_is_one_clear_error()
    {
        var error = Assert.Throws<CakeException>(() => Read());

        Assert.Equal("No AWS region: set AWS_REGION (for example eu-west-1); AWS_DEFAULT_REGION is read as a fallback.", error.Message);
    }

    [Fact]
    public void A_malformed_region_names_the_variable_it_came_from()
    {
        var error = Assert.Throws<CakeException>(() => Read(("AWS_DEFAULT_REGION", "eu-west1")));

        Assert.Equal("AWS_DEFAULT_REGION 'eu-west1' is not an AWS region name: use one like eu-west-1 or us-east-1.", error.Message);
    }

    [Fact]
    public void The_ECR_endpoint_variable_wins_over_the_general_one()
    {
        var settings = Read(("AWS_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL_ECR", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:9999"));

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), settings.Endpoint);
    }

    [Fact]
    public void The_general_endpoint_variable_applies_without_a_service_one()
    {
        Assert.Equal(new Uri("http://localhost:9999/"), Read(("AWS_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL", "http://localhost:9999")).Endpoint);
    }

    [Fact]
    public void Configured_endpoints_can_be_ignored_as_the_AWS_tools_allow()
    {
        var settings = Read(("AWS_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL", "http://localhost:9999"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com/"), settings.Endpoint);
    }

    [Fact]
    public void China_regions_use_their_own_domain()
    {
        Assert.Equal(new Uri("https://api.ecr.cn-north-1.amazonaws.com.cn/"), Read(("AWS_REGION", "cn-north-1")).Endpoint);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_URL_names_the_variable()
    {
        var error = Assert.Throws<CakeException>(() => Read(("AWS_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL_ECR", "localhost:4566")));

        Assert.Equal("AWS_ENDPOINT_URL_ECR 'localhost:4566' is not an http(s) URL: use one like https://api.ecr.eu-west-1.amazonaws.com or http://127.0.0.1:4566.", error.Message);
    }

    [Fact]
    public void AWS_MAX_ATTEMPTS_bounds_the_calls_and_a_bad_value_is_an_error()
    {
        Assert.Equal(AwsRetryPolicy.DefaultMaxAttempts, Read(("AWS_REGION", "eu-west-1")).Retry.MaxAttempts);
        Assert.Equal(2, Read(("AWS_REGION", "eu-west-1"), ("AWS_MAX_ATTEMPTS", "2")).Retry.MaxAttempts);
        var error = Assert.Throws<CakeException>(() => Read(("AWS_REGION", "eu-west-1"), ("AWS_MAX_ATTEMPTS", "0")));
        Assert.Equal("AWS_MAX_ATTEMPTS '0' is not a whole number from 1 to 20.", error.Message);
    }

    [Fact]
    public void Without_explicit_credentials_the_SDK_default_chain_is_used()
    {
        Assert.Null(Read(("AWS_REGION", "eu-west-1")).Credentials);
    }

    private static AwsSettings Read(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(variable => variable.Name, variable => variable.Value, StringComparer.Ordinal);
        return AwsSettings.FromEnvironment(AwsService.Ecr, name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void The_configured_region_is_used_when_no_variable_names_one_and_a_variable_may_repeat_it()
    {
        var configured = new AwsSettings.ConfiguredRegion("eu-west-1", "terraform/environments/dev.tfvars");

        Assert.Equal("eu-west-1", AwsSettings.FromEnvironment(AwsService.Ecr, _ => null, configured).Region);
        Assert.Equal("eu-west-1", AwsSettings.FromEnvironment(AwsService.Ecr, name => name == "AWS_REGION" ? "eu-west-1" : null, configured).Region);
    }

    [Fact]
    public void A_variable_that_contradicts_the_configured_region_is_one_line_naming_both()
    {
        var configured = new AwsSettings.ConfiguredRegion("eu-west-1", "terraform/environments/dev.tfvars");

        var error = Assert.Throws<CakeException>(() => AwsSettings.FromEnvironment(AwsService.Ecr, name => name == "AWS_DEFAULT_REGION" ? "us-east-1" : null, configured));

        Assert.Equal("AWS_DEFAULT_REGION is us-east-1, but terraform/environments/dev.tfvars puts this environment in eu-west-1: unset AWS_DEFAULT_REGION or correct the file.", error.Message);
    }
}

using Build.Core;
using Build.Core.Environments;
using Build.Tests.Stages.Image.Vulnerabilities;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Core.Environments;

public sealed class EnvironmentFileTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_checked_in_environment_files_name_the_service_and_region_the_push_uses(string environment)
    {
        var file = EnvironmentFile.Load(PathsOf(VulnerabilityFixtures.RepositoryRoot).EnvironmentSettingsFile(environment), environment);

        Assert.Equal($"app-{environment}", file.RepositoryName);
        Assert.Equal("eu-west-1", file.Region);
    }

    [Fact]
    public void String_assignments_are_read_with_comments_and_anything_else_is_left_to_terraform()
    {
        const string text = """
            # comment
            environment  = "staging"
            service_name = "orders" # trailing comment
            aws_region   = "us-east-2"
            availability_zones = ["us-east-2a", "us-east-2b"]
            tags = {
              service_name = "not-this-one"
            }
            """;

        var file = EnvironmentFile.Parse(text, "staging", "staging.tfvars");

        Assert.Equal("orders-staging", file.RepositoryName);
        Assert.Equal("us-east-2", file.Region);
    }

    [Theory]
    [InlineData("service_name = \"orders\"\naws_region = \"eu-west-1\"\n/*\naws_region = \"us-east-1\"\ntags = {\n*/\nenvironment = \"dev\"\n")]
    [InlineData("/* service_name = \"old\" */ service_name = \"orders\"\naws_region = \"eu-west-1\" /* was \"us-east-1\" */\n")]
    [InlineData("service_name = \"orders\"\npolicy = <<EOT\naws_region = \"x\"\n{ \"Statement\": [\nEOT\naws_region = \"eu-west-1\"\n")]
    [InlineData("service_name = \"orders\"\npolicy = <<-EOT\n  aws_region = \"x\"\n  }\n  EOT\naws_region = \"eu-west-1\"\n")]
    public void Block_comments_and_heredoc_bodies_are_skipped(string text)
    {
        var file = EnvironmentFile.Parse(text, "dev", "dev.tfvars");

        Assert.Equal("orders-dev", file.RepositoryName);
        Assert.Equal("eu-west-1", file.Region);
    }

    [Theory]
    [InlineData("aws_region = \"eu-west-1\"\n", "x.tfvars: service_name is not set (a line like service_name = \"...\" is required).")]
    [InlineData("service_name = \"app\"\n", "x.tfvars: aws_region is not set (a line like aws_region = \"...\" is required).")]
    [InlineData("service_name = \"App_1\"\naws_region = \"eu-west-1\"\n", "x.tfvars: service_name 'App_1' must be 2-24 lower-case letters, digits and single hyphens, starting with a letter.")]
    [InlineData("service_name = \"app\"\naws_region = \"Ireland\"\n", "x.tfvars: aws_region 'Ireland' is not an AWS region name (e.g. eu-west-1).")]
    [InlineData("environment = \"prod\"\nservice_name = \"app\"\naws_region = \"eu-west-1\"\n", "x.tfvars: environment = \"prod\" but the file is the 'dev' environment's; fix the file.")]
    [InlineData("service_name = \"app\"\naws_region = \"eu-west-1\"\n\naws_region = \"us-east-1\"\n", "x.tfvars: aws_region is set twice (lines 2 and 4); terraform refuses that too.")]
    [InlineData("service_name = \"app\"\nservice_name = \"app\"\naws_region = \"eu-west-1\"\n", "x.tfvars: service_name is set twice (lines 1 and 2); terraform refuses that too.")]
    [InlineData("environment = \"dev\"\nservice_name = \"app\"\naws_region = \"eu-west-1\"\nenvironment = <<EOT\ndev\nEOT\n", "x.tfvars: environment is set twice (lines 1 and 4); terraform refuses that too.")]
    [InlineData("service_name = \"a--b\"\naws_region = \"eu-west-1\"\n", "x.tfvars: service_name 'a--b' must be 2-24 lower-case letters, digits and single hyphens, starting with a letter.")]
    public void A_bad_file_is_one_line_naming_it(string text, string expected)
    {
        var error = Assert.Throws<CakeException>(() => EnvironmentFile.Parse(text, "dev", "x.tfvars"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_missing_file_says_where_it_should_be()
    {
        var root = Directory.CreateTempSubdirectory("env-file-");
        try
        {
            var error = Assert.Throws<CakeException>(() => EnvironmentFile.Load(PathsOf(root.FullName).EnvironmentSettingsFile("dev"), "dev"));

            Assert.StartsWith($"The 'dev' environment has no settings file: {root.FullName}/terraform/environments/dev.tfvars is missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static BuildPaths PathsOf(string root) => new(new DirectoryPath(root), new DirectoryPath(root).Combine("artifacts"));
}

using Build.Core;
using Build.Core.Environments;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Tests.Support;
using Build.Tools.Aws;
using Cake.Core;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Tests.Core.Environments;

public sealed class BuildEnvironmentTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("build-environment-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Local_is_the_default_and_has_no_cloud_settings()
    {
        var environment = Resolve();

        Assert.IsType<LocalEnvironment>(environment);
        Assert.True(environment.IsLocal);
        Assert.False(environment.IsProduction);
        Assert.Equal("local", environment.Name);
    }

    [Fact]
    public void A_cloud_environment_takes_its_region_and_repository_from_its_settings_file()
    {
        WriteSettings("staging", "environment = \"staging\"\nservice_name = \"orders\"\naws_region = \"us-east-2\"\n");

        var environment = Assert.IsType<CloudEnvironment>(Resolve("--environment", "staging"));

        Assert.False(environment.IsLocal);
        Assert.False(environment.IsProduction);
        Assert.Equal("staging", environment.Name);
        Assert.Equal("us-east-2", environment.Region);
        Assert.Equal("orders-staging", environment.RepositoryName);
        Assert.Equal("terraform/environments/staging.tfvars", environment.SettingsSource);
        Assert.Equal(Path.Combine(_root.FullName, "terraform", "environments", "staging.tfvars"), environment.SettingsFile.FullPath);
    }

    [Fact]
    public void Prod_is_the_production_environment()
    {
        Assert.True(Resolve("--environment", "prod").IsProduction);
    }

    [Fact]
    public void Ecr_repository_names_another_repository_in_the_same_region()
    {
        WriteSettings("dev", "service_name = \"orders\"\naws_region = \"eu-west-1\"\n");

        var environment = Assert.IsType<CloudEnvironment>(Resolve("--environment", "dev", "--ecr-repository", "team/orders"));

        Assert.Equal("team/orders", environment.RepositoryName);
        Assert.Equal("eu-west-1", environment.Region);
    }

    [Fact]
    public void Resolving_reads_no_file_so_a_run_that_needs_no_settings_works_without_them()
    {
        var environment = Assert.IsType<CloudEnvironment>(Resolve("--environment", "dev"));

        Assert.Equal("dev", environment.Name);
        var error = Assert.Throws<CakeException>(() => environment.Region);
        Assert.StartsWith($"The 'dev' environment has no settings file: {_root.FullName}/terraform/environments/dev.tfvars is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_settings_file_is_one_line_naming_it_when_first_needed()
    {
        WriteSettings("dev", "service_name = \"orders\"\naws_region = \"Ireland\"\n");
        var environment = Assert.IsType<CloudEnvironment>(Resolve("--environment", "dev"));

        var error = Assert.Throws<CakeException>(() => environment.RepositoryName);

        Assert.Equal($"{environment.SettingsFile.FullPath}: aws_region 'Ireland' is not an AWS region name (e.g. eu-west-1).", error.Message);
    }

    [Fact]
    public void The_settings_file_is_read_once()
    {
        WriteSettings("dev", "service_name = \"orders\"\naws_region = \"eu-west-1\"\n");
        var environment = Assert.IsType<CloudEnvironment>(Resolve("--environment", "dev"));
        Assert.Equal("eu-west-1", environment.Region);

        File.Delete(environment.SettingsFile.FullPath);

        Assert.Equal("orders-dev", environment.RepositoryName);
    }

    [Fact]
    public void Aws_calls_go_to_the_environment_region_when_no_variable_names_one()
    {
        WriteSettings("dev", "service_name = \"orders\"\naws_region = \"eu-west-1\"\n");
        var environment = Assert.IsType<CloudEnvironment>(Resolve("--environment", "dev"));

        var settings = environment.AwsSettingsFor(AwsService.Ecr, _ => null);

        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com/"), settings.Endpoint);
    }

    [Fact]
    public void A_region_variable_that_contradicts_the_settings_file_is_one_line_naming_both()
    {
        WriteSettings("dev", "service_name = \"orders\"\naws_region = \"eu-west-1\"\n");
        var environment = Assert.IsType<CloudEnvironment>(Resolve("--environment", "dev"));

        var error = Assert.Throws<CakeException>(() => environment.AwsSettingsFor(AwsService.Ecr, name => name == "AWS_REGION" ? "us-east-1" : null));

        Assert.Equal("AWS_REGION is us-east-1, but terraform/environments/dev.tfvars puts this environment in eu-west-1: unset AWS_REGION or correct the file.", error.Message);
    }

    [Fact]
    public void The_Version_target_runs_for_a_cloud_environment_whose_settings_file_is_missing()
    {
        using var build = new BuildProcess();

        var run = build.Run("--target", "Version", "--environment", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("for environment 'dev'", run.Output, StringComparison.Ordinal);
    }

    private BuildEnvironment Resolve(params string[] args)
    {
        var arguments = new CakeArguments(args.Chunk(2).ToLookup(pair => pair[0].TrimStart('-'), pair => pair[1], StringComparer.OrdinalIgnoreCase));
        var root = new DirectoryPath(_root.FullName);
        return BuildEnvironment.Resolve(BuildParameters.Parse(arguments, new SecretRegistry()), new BuildPaths(root, root.Combine("artifacts")));
    }

    private void WriteSettings(string environment, string text)
    {
        var folder = Path.Combine(_root.FullName, "terraform", "environments");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{environment}.tfvars"), text);
    }
}

using Build.Parameters;
using Cake.Core;

namespace Build.Tests.Parameters;

public sealed class DeployParametersTests
{
    [Theory]
    [InlineData("--deploy-port", "80", "Invalid --deploy-port '80': use a whole number from 1024 to 65535.")]
    [InlineData("--health-timeout", "0", "Invalid --health-timeout '0': use a whole number from 1 to 600.")]
    public void Deploy_parameters_out_of_range_are_usage_errors(string name, string value, string expected)
    {
        var arguments = new CakeArguments(new[] { (Name: name.TrimStart('-'), Value: value) }.ToLookup(pair => pair.Name, pair => pair.Value, StringComparer.OrdinalIgnoreCase));

        var error = Assert.Throws<CakeException>(() => DeployParameters.Parse(new ArgumentReader(arguments)));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(expected, error.Message);
    }
}

using System.Diagnostics;
using System.Globalization;
using Build.Stages.Accessibility;

namespace Build.Tests.Stages.Accessibility;

public sealed class ServiceProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("build-tests-service-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_service_that_exits_at_once_is_an_error_with_its_exit_code_and_last_output()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = DotNetAppLaunch.Create(Path.Combine(_directory, "Missing.dll"), url, webRoot: null);

        var error = await Assert.ThrowsAsync<ServiceStartException>(() => ServiceProcess.StartAsync(start, url, new Uri(url, "/health"), TimeSpan.FromSeconds(30)));

        Assert.StartsWith("The service exited with code ", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.LastOutput, line => line.Contains("Missing.dll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_that_never_gets_healthy_times_out_with_its_last_output_and_its_whole_tree_is_killed()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _directory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("sleep 300 & echo $! > child.pid; echo $$ > parent.pid; echo 'starting, but never listening'; wait");

        var error = await Assert.ThrowsAsync<ServiceStartException>(() => ServiceProcess.StartAsync(start, url, new Uri(url, "/health"), TimeSpan.FromSeconds(10)));

        Assert.StartsWith($"The service did not answer {url}health with success within 10 s (last: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("starting, but never listening", error.LastOutput);
        await Processes.AssertStopsAsync(int.Parse(File.ReadAllText(Path.Combine(_directory, "parent.pid")), CultureInfo.InvariantCulture), "the service");
        await Processes.AssertStopsAsync(int.Parse(File.ReadAllText(Path.Combine(_directory, "child.pid")), CultureInfo.InvariantCulture), "the service's child");
    }
}

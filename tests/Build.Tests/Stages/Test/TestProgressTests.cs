using Build.Stages.Test;

namespace Build.Tests.Stages.Test;

/// <summary>dotnet test's normal-verbosity console output (as VSTest 18 prints it) turned into progress.</summary>
public sealed class TestProgressTests
{
    private readonly List<string> _shown = [];

    [Fact]
    public void Passed_and_skipped_tests_and_host_noise_are_counted_or_dropped_and_a_failure_is_shown_whole()
    {
        var progress = new TestProgress(_shown.Add, _ => "3.0s");
        string[] output =
        [
            "Test run for /repo/tests/App.Tests/bin/Release/net10.0/App.Tests.dll (.NETCoreApp,Version=v10.0)",
            "A total of 1 test files matched the specified pattern.",
            "[xUnit.net 00:00:00.00] xUnit.net VSTest Adapter v3.1.5+1b188a7b0a (64-bit .NET 10.0.12)",
            "[xUnit.net 00:00:00.06]   Discovering: App.Tests",
            "info: Microsoft.Hosting.Lifetime[14]",
            "      Now listening on: http://*:8080",
            "  Passed App.Tests.VersionTests.Reads(input: \"1.2.3\") [4 ms]",
            "  Skipped App.Tests.VersionTests.Later [1 ms]",
            "  Failed App.Tests.PageTests.Renders [12 ms]",
            "  Error Message:",
            "   Assert.Equal() Failure",
            "  Stack Trace:",
            "     at App.Tests.PageTests.Renders() in /repo/tests/App.Tests/PageTests.cs:line 12",
            "",
            "  Passed App.Tests.PageTests.Other [< 1 ms]",
            "warn: Microsoft.AspNetCore.DataProtection[60]",
            "      No XML encryptor configured.",
            "",
            "Test Run Failed.",
            "Total tests: 4",
            "     Passed: 2",
            "     Failed: 1",
            "    Skipped: 1",
            " Total time: 3.0121 Seconds",
            "Results File: /repo/artifacts/test-results/tests_20261130.trx",
        ];

        output.ToList().ForEach(progress.Receive);

        Assert.Equal(
            [
                output[0],
                output[1],
                "  Failed App.Tests.PageTests.Renders [12 ms]",
                "  Error Message:",
                "   Assert.Equal() Failure",
                "  Stack Trace:",
                "     at App.Tests.PageTests.Renders() in /repo/tests/App.Tests/PageTests.cs:line 12",
                "",
                "Tests: App.Tests: 2 passed, 1 failed, 1 skipped in 3.0s",
                "Results File: /repo/artifacts/test-results/tests_20261130.trx",
            ],
            _shown);
    }

    [Fact]
    public void The_periodic_line_gives_the_running_project_s_counts_so_far_and_nothing_between_projects()
    {
        var progress = new TestProgress(_shown.Add, _ => "12.0s");

        Assert.Null(progress.Tick());
        progress.Receive("Test run for /repo/tests/Build.Tests/bin/Release/net10.0/Build.Tests.dll (.NETCoreApp,Version=v10.0)");
        progress.Receive("  Passed Build.Tests.A.B [4 ms]");
        progress.Receive("  Passed Build.Tests.A.C [4 ms]");

        Assert.Equal("Tests: Build.Tests: 2 passed, 0 failed, 0 skipped so far (12.0s)", progress.Tick());

        progress.Receive("Test Run Successful.");
        progress.Receive(" Total time: 1.2 Minutes");
        Assert.Null(progress.Tick());
    }
}

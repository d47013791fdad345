using System.Text.RegularExpressions;
using Build.Tools.Docker;

namespace Build.Tests.Tools.Docker;

/// <summary>The legacy builder's output, as docker 26 prints it, condensed to a line per step; a failing step shown whole.</summary>
public sealed partial class LegacyBuildOutputTests
{
    private static readonly string[] Banner =
    [
        "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.",
        "            Install the buildx component to build images with BuildKit:",
        "            https://docs.docker.com/go/buildx/",
        "",
    ];

    private static readonly string[] Success =
    [
        .. Banner,
        "Sending build context to Docker daemon  45.06MB",
        "Step 1/3 : FROM app-base:debian12",
        " ---> 5d2f8a1c3b4e",
        "Step 2/3 : COPY app /app",
        " ---> 8e1c0f2d9a7b",
        "Step 3/3 : RUN echo built >     /app/built.txt",
        " ---> Running in 4c3b2a1d0e9f",
        " ---> Removed intermediate container 4c3b2a1d0e9f",
        " ---> 9a0f1e2d3c4b",
        "Successfully built 9a0f1e2d3c4b",
        "Successfully tagged app:1.0.0",
    ];

    private readonly List<string> _shown = [];

    [Fact]
    public void A_successful_build_is_one_line_per_step_with_its_time_and_no_banner()
    {
        var output = new LegacyBuildOutput(_shown.Add);

        Success.ToList().ForEach(output.Receive);
        output.Finish(succeeded: true);

        Assert.Equal(["Step 1/3 : FROM app-base:debian12", "Step 2/3 : COPY app /app", "Step 3/3 : RUN echo built > /app/built.txt"], _shown.Select(line => Time().Replace(line, "")));
        Assert.All(_shown, line => Assert.Matches(Time(), line));
    }

    [Fact]
    public void A_failing_step_is_shown_whole_after_the_steps_that_passed()
    {
        var output = new LegacyBuildOutput(_shown.Add);
        string[] failing =
        [
            "Step 2/3 : RUN apt-get install -y nothing-such",
            " ---> Running in 0a1b2c3d4e5f",
            "Reading package lists...",
            "E: Unable to locate package nothing-such",
            "The command '/bin/sh -c apt-get install -y nothing-such' returned a non-zero code: 100",
        ];

        foreach (var line in (string[])[.. Banner, "Step 1/3 : FROM app-base:debian12", " ---> 5d2f8a1c3b4e", .. failing])
        {
            output.Receive(line);
        }

        output.Finish(succeeded: false);

        Assert.Matches(@"^Step 1/3 : FROM app-base:debian12 \(\d+\.\ds\)$", _shown[0]);
        Assert.Equal(failing, _shown.Skip(1));
    }

    [Fact]
    public void Lines_before_the_first_step_are_shown_as_they_come_and_a_failure_there_too()
    {
        var output = new LegacyBuildOutput(_shown.Add);

        output.Receive("Sending build context to Docker daemon  2.048kB");
        output.Receive("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /nope/Dockerfile: no such file or directory");
        output.Finish(succeeded: false);

        Assert.Equal(["unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /nope/Dockerfile: no such file or directory"], _shown);
    }

    [GeneratedRegex(@" \(\d+\.\ds\)$")]
    private static partial Regex Time();
}

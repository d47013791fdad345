using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Tests.Core.Processes;

public sealed class ProcessCaptureTests
{
    [Fact]
    public void Output_is_standard_output_then_standard_error_whatever_the_order_printed()
    {
        var arguments = new ProcessArgumentBuilder().Append("-c").AppendQuoted("echo warning >&2; sleep 0.3; echo answer; exit 4");

        var (exitCode, output) = ProcessCapture.Run(Shell.Context, "sh", arguments, new DirectoryPath(Path.GetTempPath()));

        Assert.Equal(4, exitCode);
        Assert.Equal(["answer", "warning"], output);
    }

    [Fact]
    public void A_tool_that_is_not_on_path_is_named_with_how_to_install_it()
    {
        var error = Assert.Throws<CakeException>(() => ProcessCapture.Run(Shell.Context, "no-such-tool-for-build-tests", new ProcessArgumentBuilder(), new DirectoryPath(Path.GetTempPath())));

        Assert.Equal("'no-such-tool-for-build-tests' is not installed or not on PATH. Install it (Debian: apt-get install no-such-tool-for-build-tests) and retry.", error.Message);
    }
}

using Build.Processes;
using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Terraform;

/// <summary>
/// The terraform CLI as a Cake tool. Exit codes are returned, not thrown, because terraform gives them
/// meaning (plan -detailed-exitcode: 0 no changes, 1 error, 2 changes); output is streamed and kept.
/// </summary>
public sealed class TerraformRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
    : Tool<TerraformSettings>(fileSystem, environment, processRunner, tools)
{
    public static TerraformRunner For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);

    public TerraformResult Execute(TerraformSettings settings, ProcessArgumentBuilder arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var output = new OutputCapture(settings.OutputLine);
        using var process = RunProcess(settings, arguments, new ProcessSettings().CaptureOutput(output));
        process.WaitForExit();
        return new TerraformResult(process.GetExitCode(), output.Lines);
    }

    protected override string GetToolName() => "Terraform";

    protected override IEnumerable<string> GetToolExecutableNames() => ["terraform", "terraform.exe"];
}

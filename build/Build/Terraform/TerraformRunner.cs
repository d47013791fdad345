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
        var lines = new List<string>();
        var gate = new Lock();
        string? Keep(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    lines.Add(line);
                }

                settings.OutputLine?.Invoke(line);
            }

            return null;
        }

        using var process = RunProcess(settings, arguments, new ProcessSettings
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectedStandardOutputHandler = Keep,
            RedirectedStandardErrorHandler = Keep,
        });
        process.WaitForExit();
        lock (gate)
        {
            return new TerraformResult(process.GetExitCode(), [.. lines]);
        }
    }

    protected override string GetToolName() => "Terraform";

    protected override IEnumerable<string> GetToolExecutableNames() => ["terraform", "terraform.exe"];
}

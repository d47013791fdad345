using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Lint;

/// <summary><c>terraform fmt -check -recursive</c> over terraform/: each file it lists is a finding.</summary>
public static class TerraformFormatLinter
{
    public static IReadOnlyList<LintFinding> Run(ICakeContext context, DirectoryPath terraformDirectory)
    {
        if (!Directory.Exists(terraformDirectory.FullPath) || !Directory.EnumerateFiles(terraformDirectory.FullPath, "*.tf", SearchOption.AllDirectories).Any())
        {
            return [];
        }

        var arguments = new ProcessArgumentBuilder().Append("fmt").Append("-check").Append("-recursive").Append("-list=true").Append("-no-color");
        var (exitCode, output) = ProcessCapture.Run(context, "terraform", arguments, terraformDirectory);
        var files = output.Where(line => line.EndsWith(".tf", StringComparison.Ordinal) || line.EndsWith(".tfvars", StringComparison.Ordinal)).ToList();
        if (exitCode != 0 && files.Count == 0)
        {
            throw new CakeException($"terraform fmt failed (exit {exitCode}): {string.Join(" ", output)}");
        }

        return [.. files.Select(file => new LintFinding("terraform fmt", $"terraform/{file}", 1, 1, "fmt", "is not in canonical format; run: terraform fmt -recursive terraform"))];
    }
}

using Build.Core;
using Cake.Common.Diagnostics;
using Cake.Frosting;

namespace Build.Stages.CiFiles;

[RunsAlone]
[TaskName("CiFiles")]
[TaskDescription("Renders .github/workflows/build.yml and Jenkinsfile from the pipeline model (build/Build/Stages/CiFiles/ShippedPipeline.cs); Lint fails when a checked-in one differs.")]
public sealed class CiFilesTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = context.Paths.Root.FullPath;
        var written = new List<string>();
        foreach (var file in CiFileSet.Render(ShippedPipeline.Pipeline))
        {
            var path = Path.Combine(root, file.Path);
            if (File.Exists(path) && File.ReadAllText(path) == file.Text)
            {
                context.Information("CiFiles: {0} is up to date", file.Path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
            context.Information("CiFiles: wrote {0}", file.Path);
            written.Add(file.Path);
        }

        context.Report.AddOutput("written", written.Count == 0 ? "none (up to date)" : string.Join(", ", written));
        foreach (var stale in CiFileSet.Stale(root, ShippedPipeline.Pipeline))
        {
            context.Warning("{0}:{1}: {2}", stale.Path, stale.Line, stale.Problem);
        }
    }
}

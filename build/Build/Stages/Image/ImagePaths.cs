using Build.Core;
using Cake.Core.IO;

namespace Build.Stages.Image;

/// <summary>
/// Every path of the image stages. Reports go to artifacts/image; the bulky scratch (publish output, MSBuild
/// intermediates, staged contexts, Debian packages: 200+ MB) goes to .build/image, which is git-ignored, survives
/// Clean (so publishes stay incremental) and is not archived with artifacts/** by CI.
/// </summary>
public sealed record ImagePaths(DirectoryPath Root, DirectoryPath Output, DirectoryPath Scratch)
{
    public const string AssemblyName = "App";

    public static ImagePaths From(BuildPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new ImagePaths(paths.Root, paths.ImageReports, paths.Cache.Combine("image"));
    }

    public static DirectoryPath AppDirectoryOf(DirectoryPath root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Combine("src").Combine(AssemblyName);
    }

    public static FilePath DockerfileOf(DirectoryPath root) => AppDirectoryOf(root).CombineWithFilePath("Dockerfile");

    public DirectoryPath AppDirectory => AppDirectoryOf(Root);

    public FilePath Project => AppDirectory.CombineWithFilePath($"{AssemblyName}.csproj");

    /// <summary>Gets the one Dockerfile: the <c>sdk</c> stage (canonical) and the <c>prebuilt</c> stage (offline).</summary>
    public FilePath Dockerfile => DockerfileOf(Root);

    /// <summary>Gets the build context of the prebuilt mode: <c>runtime/</c> and <c>app/</c>, one image layer each.</summary>
    public DirectoryPath PrebuiltContext => Scratch.Combine("publish");

    /// <summary>Gets where <c>dotnet publish</c> writes before the output is split into the two layer folders.</summary>
    public DirectoryPath PublishOutput => Scratch.Combine("publish-output");

    /// <summary>Gets the isolated MSBuild output (bin/obj) of the publish, so it never disturbs the solution's own obj folders.</summary>
    public DirectoryPath PublishIntermediate => Scratch.Combine("msbuild");

    /// <summary>Gets the build context of the sdk mode: only the files the SDK stages need (no bin, obj, artifacts or .git).</summary>
    public DirectoryPath SourceContext => Scratch.Combine("source");

    public FilePath ImageIdFile => Output.CombineWithFilePath("image.id");

    public FilePath ImageFile => Output.CombineWithFilePath("image.json");

    public FilePath ScanSarif => Output.CombineWithFilePath("image-scan.sarif");

    public FilePath ScanSummary => Output.CombineWithFilePath("image-scan.md");

    /// <summary>Gets what ImageScan writes: deleted when it starts, so a failed scan never leaves an earlier verdict looking current.</summary>
    public IReadOnlyList<FilePath> ScanOutputs =>
    [
        ScanSarif,
        ScanSummary,
        Output.CombineWithFilePath("trivy.json"),
        Output.CombineWithFilePath("vulnerabilities.sarif"),
        Output.CombineWithFilePath("ignore-file-problems.txt"),
    ];

    /// <summary>Gets the working folder of the BaseImage target (packages, root file system, tarball).</summary>
    public DirectoryPath BaseImageWork => Scratch.Combine("base");

    /// <summary>Gets the record of the Debian package versions in the base image.</summary>
    public FilePath BasePackagesFile => Output.CombineWithFilePath("base-packages.txt");
}

using System.Security.Cryptography;
using Build.Core.Processes;
using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Stages.Image;

/// <summary>
/// Builds the air-gapped base (<see cref="BaseImageRecipe"/>): apt-get download, dpkg-deb -x, users and CA bundle,
/// a reproducible tarball, docker import. When the tarball is byte-identical to the existing image's layer (same
/// package versions, same recipe), the existing image is kept, so images built on it keep their layer cache.
/// </summary>
public static class BaseImageBuilder
{
    public static BaseImageResult Build(ICakeContext context, DirectoryPath work, FilePath packagesRecord, string reference)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(packagesRecord);
        var debs = work.Combine("debs").FullPath;
        var rootfs = work.Combine("rootfs").FullPath;
        var tarball = work.CombineWithFilePath("rootfs.tar");
        Recreate(debs);
        Recreate(rootfs);
        try
        {
            var packages = Download(context, debs);
            foreach (var deb in Directory.GetFiles(debs, "*.deb").Order(StringComparer.Ordinal))
            {
                Run(context, "dpkg-deb", new ProcessArgumentBuilder().Append("-x").AppendQuoted(deb).AppendQuoted(rootfs), work, "extracting " + Path.GetFileName(deb));
            }

            Customise(rootfs);
            var layer = WriteTarball(rootfs, tarball.FullPath);
            Directory.CreateDirectory(packagesRecord.GetDirectory().FullPath);
            File.WriteAllLines(packagesRecord.FullPath, packages);

            var existing = context.DockerImageInspect(reference);
            if (existing is not null && IsSame(existing, layer))
            {
                return new BaseImageResult(reference, existing.Id, layer, existing.Size, packages, Reused: true);
            }

            var id = context.DockerImport(tarball, reference, ImportSettings());
            var imported = context.DockerImageInspect(id)
                ?? throw new CakeException($"docker import reported {id}, but docker image inspect cannot find it.");
            return new BaseImageResult(reference, imported.Id, layer, imported.Size, packages, Reused: false);
        }
        finally
        {
            // The packages, the unpacked tree and the tarball are scratch; the package list stays as a record.
            DeleteQuietly(rootfs);
            DeleteQuietly(debs);
            if (File.Exists(tarball.FullPath))
            {
                File.Delete(tarball.FullPath);
            }
        }
    }

    public static DockerImportSettings ImportSettings()
    {
        var settings = new DockerImportSettings { Message = "app base: " + string.Join(' ', BaseImageRecipe.Packages) };
        foreach (var variable in BaseImageRecipe.Environment)
        {
            settings.Changes.Add("ENV " + variable);
        }

        return settings;
    }

    private static bool IsSame(DockerImageDetails image, string layer) =>
        image.RootFs.Layers is [var only] && only == layer
        && BaseImageRecipe.Environment.All(variable => image.Config.Environment.Contains(variable, StringComparer.Ordinal));

    private static List<string> Download(ICakeContext context, string debs)
    {
        var arguments = new ProcessArgumentBuilder().Append("download");
        foreach (var package in BaseImageRecipe.Packages)
        {
            arguments.Append(package);
        }

        Run(context, "apt-get", arguments, debs, "apt-get download (if a package is not found, run 'apt-get update' first)");

        // libc6_2.36-9+deb12u14_amd64.deb -> libc6 2.36-9+deb12u14
        return [.. Directory.GetFiles(debs, "*.deb")
            .Select(file => Path.GetFileNameWithoutExtension(file).Split('_'))
            .Select(parts => $"{parts[0]} {Uri.UnescapeDataString(parts.ElementAtOrDefault(1) ?? "?")}")
            .Order(StringComparer.Ordinal)];
    }

    private static void Customise(string rootfs)
    {
        foreach (var removed in BaseImageRecipe.Removed)
        {
            DeleteQuietly(Path.Combine(rootfs, removed));
        }

        foreach (var (path, text) in BaseImageRecipe.Files)
        {
            var file = Path.Combine(rootfs, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        WriteCaBundle(rootfs);
        foreach (var (path, target) in BaseImageRecipe.Links)
        {
            var link = Path.Combine(rootfs, path);
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            DeleteQuietly(link);
            File.CreateSymbolicLink(link, target);
        }

        Directory.CreateDirectory(Path.Combine(rootfs, "tmp"));
        Directory.CreateDirectory(Path.Combine(rootfs, "home", "app"));
    }

    // What update-ca-certificates would write: every certificate Debian ships, concatenated in a stable order.
    private static void WriteCaBundle(string rootfs)
    {
        var source = Path.Combine(rootfs, BaseImageRecipe.CaSource);
        var certificates = Directory.Exists(source)
            ? Directory.GetFiles(source, "*.crt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)
            : [];
        var bundle = Path.Combine(rootfs, BaseImageRecipe.CaBundle);
        Directory.CreateDirectory(Path.GetDirectoryName(bundle)!);
        File.WriteAllText(bundle, string.Concat(certificates.Select(text => text.EndsWith('\n') ? text : text + "\n")));
    }

    private static string WriteTarball(string rootfs, string tarball)
    {
        using (var output = File.Create(tarball))
        {
            RootFsArchive.Write(rootfs, output, BaseImageRecipe.Owners, BaseImageRecipe.Modes);
        }

        using var input = File.OpenRead(tarball);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(input));
    }

    private static void Run(ICakeContext context, string tool, ProcessArgumentBuilder arguments, DirectoryPath workingDirectory, string what)
    {
        var (exitCode, output) = ProcessCapture.Run(context, tool, arguments, workingDirectory);
        if (exitCode != 0)
        {
            var last = output.LastOrDefault(line => line.StartsWith("E:", StringComparison.Ordinal)) ?? (output.Count > 0 ? output[^1] : "(no output)");
            throw new CakeException($"BaseImage: {what} failed (exit code {exitCode}): {last.Trim()}");
        }
    }

    private static void Run(ICakeContext context, string tool, ProcessArgumentBuilder arguments, string workingDirectory, string what) =>
        Run(context, tool, arguments, new DirectoryPath(workingDirectory), what);

    private static void Recreate(string directory)
    {
        DeleteQuietly(directory);
        Directory.CreateDirectory(directory);
    }

    private static void DeleteQuietly(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }
    }
}

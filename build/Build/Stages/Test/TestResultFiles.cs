using System.Xml;
using System.Xml.Linq;
using Path = System.IO.Path;

namespace Build.Stages.Test;

/// <summary>
/// Gives this run's results stable names, one set per test project: <c>App.Tests.trx</c> and
/// <c>App.Tests.cobertura.xml</c> (<c>App.Tests.net10.0.*</c> when a project runs on several frameworks) instead of
/// <c>tests_net10.0_&lt;timestamp&gt;.trx</c>, and one coverage file instead of two: coverlet writes its report into a
/// GUID folder and the TRX logger copies it into the run's deployment folder (<c>_host_&lt;timestamp&gt;/In/host/</c>).
/// The TRX's copy is kept under the stable name (the TRX then no longer lists it); both folders go when they held
/// nothing else.
/// </summary>
public static class TestResultFiles
{
    public const string TrxExtension = ".trx";

    /// <summary>What each project's coverage file is called: App.Tests.cobertura.xml.</summary>
    public const string CoverageSuffix = ".cobertura.xml";

    private const string CoverletFile = "coverage.cobertura.xml";

    private static readonly XNamespace Trx = TrxReader.Namespace;

    /// <summary>Renames the TRX files dotnet test wrote to <paramref name="directory"/>; returns them, ordered by name.</summary>
    public static IReadOnlyList<string> Organize(string directory)
    {
        var written = Directory.GetFiles(directory, "*" + TrxExtension).Order(StringComparer.Ordinal).ToList();
        var runs = written.Select(file => (File: file, Document: Load(file))).ToList();
        var projects = runs.Select(run => ProjectOf(run.Document)).ToList();
        var named = new List<string>();
        for (var index = 0; index < runs.Count; index++)
        {
            var (file, document) = runs[index];
            var project = projects[index];
            if (project is null)
            {
                named.Add(file);
                continue;
            }

            var name = projects.Count(other => other?.Name == project.Value.Name) > 1 ? $"{project.Value.Name}.{project.Value.Framework}" : project.Value.Name;
            MoveCoverage(directory, document, Path.Combine(directory, name + CoverageSuffix));
            var target = Path.Combine(directory, name + TrxExtension);
            SaveAs(document, target);
            if (target != file)
            {
                File.Delete(file);
            }

            named.Add(target);
        }

        RemoveCoverletFolders(directory);
        return named.Order(StringComparer.Ordinal).ToList();
    }

    // The test assembly as its project names it ("App.Tests"; storage attributes are lower-cased) and its framework folder.
    private static (string Name, string Framework)? ProjectOf(XDocument document)
    {
        var codeBase = document.Root?.Descendants(Trx + "TestMethod").Select(method => (string?)method.Attribute("codeBase")).FirstOrDefault(path => !string.IsNullOrEmpty(path));
        return codeBase is null
            ? null
            : (Path.GetFileNameWithoutExtension(codeBase), Path.GetFileName(Path.GetDirectoryName(codeBase)) ?? "");
    }

    // The TRX lists its coverage attachment relative to <deployment root>/In/; the first one becomes the project's file.
    private static void MoveCoverage(string directory, XDocument document, string target)
    {
        var root = (string?)document.Root?.Element(Trx + "TestSettings")?.Element(Trx + "Deployment")?.Attribute("runDeploymentRoot");
        if (root is null)
        {
            return;
        }

        var attachments = document.Root!.Descendants(Trx + "A")
            .Where(link => ((string?)link.Attribute("href"))?.EndsWith(CoverletFile, StringComparison.Ordinal) == true)
            .ToList();
        var first = attachments.Select(link => Path.Combine(directory, root, "In", (string)link.Attribute("href")!)).FirstOrDefault(File.Exists);
        if (first is null)
        {
            return;
        }

        File.Move(first, target, overwrite: true);
        foreach (var link in attachments)
        {
            (link.Parent?.Name == Trx + "UriAttachment" ? link.Parent : link).Remove();
        }

        DeleteIfEmpty(Path.Combine(directory, root));
    }

    private static void RemoveCoverletFolders(string directory)
    {
        foreach (var folder in Directory.GetDirectories(directory))
        {
            if (Guid.TryParse(Path.GetFileName(folder), out _) && Directory.GetFileSystemEntries(folder).All(entry => Path.GetFileName(entry) == CoverletFile))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Deletes a folder that holds no file at any depth (the TRX logger's In/<host>/ after the coverage file left it).
    private static void DeleteIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length == 0)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static XDocument Load(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    private static void SaveAs(XDocument document, string path)
    {
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true) });
        document.Save(writer);
    }
}

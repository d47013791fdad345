using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tests.Tools.Trivy;

/// <summary>A tool locator that finds exactly one path (or nothing), independent of this machine's PATH.</summary>
public sealed class FixedToolLocator(FilePath? path) : IToolLocator
{
    public void RegisterFile(FilePath path)
    {
    }

    public FilePath? Resolve(string tool) => path;

    public FilePath? Resolve(IEnumerable<string> toolExeNames) => path;
}

using Cake.Core.IO;

namespace Build.Core.Secrets;

/// <summary>How a task writes a file under artifacts/: through <see cref="ArtifactRedaction"/>, never File.WriteAllText.</summary>
public static class ArtifactWriting
{
    public static void WriteArtifact(this BuildContext context, FilePath file, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        new ArtifactRedaction(context.Secrets).WriteAllText(file.FullPath, text);
    }
}

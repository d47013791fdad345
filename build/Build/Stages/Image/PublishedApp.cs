using Cake.Core.IO;

namespace Build.Stages.Image;

/// <summary>The host-published app, split into the prebuilt build context's <c>runtime/</c> and <c>app/</c> folders.</summary>
public sealed record PublishedApp(DirectoryPath Context, int RuntimeEntries, int AppEntries);

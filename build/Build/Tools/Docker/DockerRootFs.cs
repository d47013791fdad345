namespace Build.Tools.Docker;

/// <summary>An image's file system: the diff ids of its layers, base first.</summary>
public sealed record DockerRootFs(string Type, IReadOnlyList<string> Layers);

namespace Build.Tools.Aws.Ecr;

/// <summary>What PutImage did: <paramref name="AlreadyTagged"/> when the tag already named this digest (nothing changed).</summary>
public sealed record EcrTagResult(string Repository, string Tag, string Digest, bool AlreadyTagged);

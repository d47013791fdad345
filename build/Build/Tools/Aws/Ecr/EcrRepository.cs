namespace Build.Tools.Aws.Ecr;

/// <summary>An ECR repository: its URI is what images are tagged with before a push.</summary>
public sealed record EcrRepository(string Name, string Uri, string Arn, string RegistryId, bool TagsImmutable, bool ScanOnPush);

namespace Build.Stages.Image;

/// <summary>One rule of the image policy: a stable id (SARIF ruleId), a short name and what it asks for.</summary>
public sealed record ImagePolicyRule(string Id, string Name, string Description);

namespace Build.Tests.Tools.Aws;

/// <summary>A vulnerability the fake's scan reports; <paramref name="FixedIn"/> is only sent by enhanced scanning.</summary>
public sealed record FakeEcrFinding(string Id, string Severity, string Package, string Version, string? FixedIn = null);

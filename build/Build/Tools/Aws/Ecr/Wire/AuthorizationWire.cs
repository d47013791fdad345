namespace Build.Tools.Aws.Ecr.Wire;

/// <summary>GetAuthorizationToken takes no parameters (registryIds is deprecated).</summary>
public sealed record GetAuthorizationTokenRequest;

public sealed record GetAuthorizationTokenResponse(IReadOnlyList<AuthorizationDataWire>? AuthorizationData);

public sealed record AuthorizationDataWire(string? AuthorizationToken, double? ExpiresAt, string? ProxyEndpoint);

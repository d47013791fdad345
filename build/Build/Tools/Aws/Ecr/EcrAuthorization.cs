namespace Build.Tools.Aws.Ecr;

/// <summary>
/// Registry credentials from GetAuthorizationToken (the decoded <c>user:password</c>), valid until <see cref="ExpiresAt"/>.
/// The password is registered as a secret when read; it is not part of <see cref="ToString"/>. Give it to
/// <c>docker login --password-stdin</c>, never as an argument.
/// </summary>
public sealed record EcrAuthorization(string UserName, string Password, Uri ProxyEndpoint, DateTimeOffset ExpiresAt)
{
    /// <summary>Gets the registry host for docker login and image names, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com.</summary>
    public string Registry => ProxyEndpoint.IsDefaultPort ? ProxyEndpoint.Host : ProxyEndpoint.Authority;

    public override string ToString() => $"{UserName}@{Registry} (expires {ExpiresAt:u})";
}

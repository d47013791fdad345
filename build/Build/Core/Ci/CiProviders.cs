using Build.Core.Secrets;
using Cake.Common.Build;
using Cake.Core;

namespace Build.Core.Ci;

/// <summary>Chooses the adapter from Cake's BuildSystem detection.</summary>
public static class CiProviders
{
    public static ICiProvider Detect(ICakeContext context, SecretRegistry secrets)
    {
        var buildSystem = context.BuildSystem();
        if (buildSystem.IsRunningOnGitHubActions)
        {
            return new GitHubActionsCi(buildSystem.GitHubActions, secrets);
        }

        return buildSystem.IsRunningOnJenkins ? PlainCi.Jenkins : PlainCi.Local;
    }
}

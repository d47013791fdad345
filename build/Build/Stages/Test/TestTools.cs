using Build.Core;
using Build.Core.Prerequisites;
using Build.Parameters;
using Build.Tools.Actionlint;

namespace Build.Stages.Test;

/// <summary>
/// The unit tests need git; every test (the default) needs what the integration tests use: shellcheck, terraform and
/// the AWS provider, a Docker engine, the registry on 127.0.0.1:5000, Chromium, PowerShell 7 (the bootstrap tests run
/// build.ps1), apt's package lists (the image tests build the base image) and actionlint (the CI files tests lint the
/// generated workflow).
/// </summary>
public sealed class TestTools : StageTools<TestTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Parameters.Tests == BuildParameters.UnitTests
            ? [Prerequisite.Git]
            : [
                Prerequisite.Git,
                Prerequisite.Shellcheck,
                Prerequisite.Terraform,
                Prerequisite.TerraformAwsProvider,
                Prerequisite.DockerEngine,
                Prerequisite.LocalRegistry(ImageParameters.DefaultRegistry),
                Prerequisite.Chromium,
                Prerequisite.PowerShell,
                Prerequisite.AptPackageLists,
                Prerequisite.Actionlint(ActionlintPackage.Folder(context.Paths.Root.FullPath)),
            ];
    }
}

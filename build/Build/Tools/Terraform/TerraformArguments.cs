using Cake.Core;
using Cake.Core.IO;

namespace Build.Tools.Terraform;

/// <summary>The argument lists of the terraform commands the build uses, built only with ProcessArgumentBuilder.</summary>
public static class TerraformArguments
{
    public static ProcessArgumentBuilder Init(TerraformInitSettings settings)
    {
        var arguments = Command("init").Append("-input=false").Append("-no-color");
        if (!settings.Backend)
        {
            arguments.Append("-backend=false");
        }
        else if (settings.BackendConfigFile is not null)
        {
            arguments.AppendQuoted($"-backend-config={settings.BackendConfigFile.FullPath}");
        }

        AppendLockTimeout(arguments, settings);
        return arguments;
    }

    public static ProcessArgumentBuilder Validate() => Command("validate").Append("-no-color");

    public static ProcessArgumentBuilder Plan(TerraformPlanSettings settings)
    {
        var arguments = Command("plan").Append("-input=false").Append("-no-color").Append("-detailed-exitcode");
        if (settings.RefreshOnly)
        {
            arguments.Append("-refresh-only");
        }

        AppendLockTimeout(arguments, settings);
        arguments.AppendQuoted($"-out={settings.OutFile.FullPath}");
        foreach (var file in settings.VarFiles)
        {
            arguments.AppendQuoted($"-var-file={file.FullPath}");
        }

        foreach (var (name, value) in settings.Variables)
        {
            arguments.Append("-var").AppendQuoted($"{name}={value}");
        }

        return arguments;
    }

    public static ProcessArgumentBuilder Apply(TerraformApplySettings settings)
    {
        var arguments = Command("apply").Append("-input=false").Append("-no-color").Append("-auto-approve");
        AppendLockTimeout(arguments, settings);
        return arguments.AppendQuoted(settings.PlanFile.FullPath);
    }

    public static ProcessArgumentBuilder ShowJson(FilePath planFile) =>
        Command("show").Append("-json").Append("-no-color").AppendQuoted(planFile.FullPath);

    public static ProcessArgumentBuilder OutputJson() => Command("output").Append("-json").Append("-no-color");

    private static ProcessArgumentBuilder Command(string name) => new ProcessArgumentBuilder().Append(name);

    private static void AppendLockTimeout(ProcessArgumentBuilder arguments, TerraformSettings settings)
    {
        if (settings.LockTimeout is not null)
        {
            arguments.Append($"-lock-timeout={settings.LockTimeout}");
        }
    }
}

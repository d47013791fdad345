namespace Build.Core;

/// <summary>
/// What two tasks must not use at the same time when tasks run in parallel (<see cref="Cake.Frosting.ExclusiveUseAttribute"/>).
/// </summary>
public static class SharedResources
{
    /// <summary>The solution's obj/ and bin/ as MSBuild writes them: restore, build, and dotnet format's design-time build.</summary>
    public const string SolutionBuild = "solution-build";

    /// <summary>The built app in bin/: coverlet instruments it in place while tests run, and the accessibility scan runs it.</summary>
    public const string AppBinaries = "app-binaries";

    /// <summary>terraform init's provider cache and the .terraform folders of the build's workspaces.</summary>
    public const string Terraform = "terraform";
}

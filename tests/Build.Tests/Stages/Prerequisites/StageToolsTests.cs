using Build.Core;
using Build.Core.Prerequisites;
using Build.Stages.Accessibility;
using Build.Stages.Clean;
using Build.Stages.Compile;
using Build.Stages.Deploy;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Lint;
using Build.Stages.Prerequisites;
using Build.Stages.Push;
using Build.Stages.Release;
using Build.Stages.Test;
using Build.Stages.Versioning;
using Build.Tests.Support;
using Build.Tools.Actionlint;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>What the Prerequisites task checks for a run: the union of its tasks' needs, as the stages declare them, for the parameters given.</summary>
[Collection(InProcessBuildGroup.Name)]
public sealed class StageToolsTests : IDisposable
{
    // The run plans as the host orders them (Build.dll --dryrun --target X).
    private static readonly Type[] LintPlan = [typeof(PrerequisitesTask), typeof(TerraformValidateTask), typeof(RestoreTask), typeof(LintTask)];
    private static readonly Type[] TestPlan = [typeof(PrerequisitesTask), typeof(RestoreTask), typeof(VersionTask), typeof(CompileTask), typeof(TestTask)];
    private static readonly Type[] PushPlan = [typeof(PrerequisitesTask), typeof(RestoreTask), typeof(VersionTask), typeof(CompileTask), typeof(BaseImageTask), typeof(ImageTask), typeof(ImageScanTask), typeof(PushTask)];
    private static readonly Type[] PlanPlan = [typeof(PrerequisitesTask), typeof(VersionTask), typeof(PlanTask)];
    private static readonly Type[] ApplyPlan = [.. PlanPlan, typeof(ApplyTask)];

    private readonly RunContext _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Every_stage_tools_class_is_found_the_way_the_host_finds_them()
    {
        Assert.Equal(
            ["Accessibility", "Apply", "BaseImage", "Deploy", "Drift", "Image", "ImageScan", "Lint", "Plan", "Promote", "Push", "Release", "TerraformValidate", "Test", "Version"],
            AllTools().Select(tools => tools.TaskType.Name[..^"Task".Length]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lint_needs_shellcheck_terraform_and_the_provider_its_terraform_validate_initialises()
    {
        Assert.Equal([Prerequisite.Shellcheck, Prerequisite.Terraform, Prerequisite.TerraformAwsProvider], Needs(LintPlan, "Lint"));
    }

    [Fact]
    public void Release_needs_git_only()
    {
        Assert.Equal([Prerequisite.Git], Needs([typeof(PrerequisitesTask), typeof(VersionTask), typeof(ReleaseTask)], "Release"));
    }

    [Fact]
    public void Unit_tests_need_git_only()
    {
        Assert.Equal([Prerequisite.Git], Needs(TestPlan, "Test", "--tests", "unit"));
    }

    [Fact]
    public void All_tests_the_default_need_everything_the_integration_tests_use()
    {
        var actionlint = Prerequisite.Actionlint(ActionlintPackage.Folder(_run.For("Test").Paths.Root.FullPath));
        Prerequisite[] everything =
        [
            Prerequisite.Git, Prerequisite.Shellcheck, Prerequisite.Terraform, Prerequisite.TerraformAwsProvider, Prerequisite.DockerEngine,
            Prerequisite.LocalRegistry("127.0.0.1:5000"), Prerequisite.Chromium, Prerequisite.PowerShell, Prerequisite.AptPackageLists, actionlint,
        ];

        Assert.Equal(everything, Needs(TestPlan, "Test"));
        Assert.Equal(everything, Needs(TestPlan, "Test", "--tests", "all"));
    }

    [Fact]
    public void A_local_push_needs_the_engine_the_registry_it_pushes_to_and_the_apt_lists_of_the_base_image()
    {
        Assert.Equal(
            [Prerequisite.Git, Prerequisite.DockerEngine, Prerequisite.LocalRegistry("127.0.0.1:5000"), Prerequisite.AptPackageLists],
            Needs(PushPlan, "Push"));
        Assert.Equal(
            [Prerequisite.Git, Prerequisite.DockerEngine, Prerequisite.LocalRegistry("localhost:5001"), Prerequisite.AptPackageLists],
            Needs(PushPlan, "Push", "--registry", "localhost:5001"));
    }

    [Fact]
    public void A_local_push_to_a_registry_elsewhere_only_notes_it()
    {
        var needs = Needs(PushPlan, "Push", "--registry", "10.0.0.5:5000", "--base-image", "registry.example/base:1");

        Assert.Equal([Prerequisite.Git, Prerequisite.DockerEngine, Prerequisite.RemoteRegistry("10.0.0.5:5000")], needs);
    }

    [Fact]
    public void A_cloud_push_needs_the_engine_but_no_local_registry_and_builds_on_a_registry_base()
    {
        Assert.Equal([Prerequisite.Git, Prerequisite.DockerEngine], Needs(PushPlan, "Push", "--environment", "dev"));
    }

    [Fact]
    public void BaseImage_needs_the_engine_and_apt_lists_only_when_it_runs()
    {
        Type[] image = [typeof(PrerequisitesTask), typeof(BaseImageTask), typeof(ImageTask)];

        Assert.Equal([Prerequisite.DockerEngine, Prerequisite.AptPackageLists], Needs(image, "Image"));
        Assert.Equal([Prerequisite.DockerEngine], Needs(image, "Image", "--base-image", "registry.example/base:1"));
        Assert.Equal([Prerequisite.DockerEngine, Prerequisite.AptPackageLists], Needs([typeof(BaseImageTask)], "BaseImage", "--base-image", "registry.example/base:1"));
    }

    [Fact]
    public void Plan_and_Apply_need_terraform_only_for_a_cloud_environment()
    {
        Assert.Equal([Prerequisite.Git], Needs(PlanPlan, "Plan"));
        Assert.Equal([Prerequisite.Git], Needs(ApplyPlan, "Apply"));
        Assert.Equal([Prerequisite.Git, Prerequisite.Terraform, Prerequisite.TerraformAwsProvider], Needs(PlanPlan, "Plan", "--environment", "dev"));
        Assert.Equal([Prerequisite.Git, Prerequisite.Terraform, Prerequisite.TerraformAwsProvider], Needs(ApplyPlan, "Apply", "--environment", "prod"));
    }

    [Fact]
    public void Accessibility_and_Deploy_need_what_they_drive()
    {
        Assert.Equal([Prerequisite.Chromium], Needs([typeof(AccessibilityTask)], "Accessibility"));
        Assert.Equal([Prerequisite.DockerEngine], Needs([typeof(DeployTask)], "Deploy"));
    }

    [Fact]
    public void A_union_holds_each_need_once_in_a_fixed_order_whatever_the_task_order()
    {
        Type[] tasks = [typeof(AccessibilityTask), typeof(TestTask), typeof(LintTask), typeof(VersionTask), typeof(PushTask)];

        var needs = Needs(tasks, "Default");

        Assert.Equal(needs.Distinct(), needs);
        Assert.Equal(needs.OrderBy(need => need.Kind), needs);
        Assert.Equal(10, needs.Count);
    }

    [Fact]
    public void Clean_and_tasks_without_declared_needs_need_nothing()
    {
        Assert.Empty(Needs([typeof(CleanTask)], "Clean"));
        Assert.Empty(Needs([typeof(PrerequisitesTask), typeof(RestoreTask)], "Restore"));
    }

    private IReadOnlyList<Prerequisite> Needs(Type[] tasks, string target, params string[] arguments) =>
        PrerequisiteNeeds.Of(AllTools(), tasks, _run.For(target, arguments));

    private static List<IStageTools> AllTools() =>
        [.. typeof(BuildContext).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IStageTools)))
            .Select(type => (IStageTools)Activator.CreateInstance(type)!)];
}

using Cake.Frosting;

namespace Build.Tasks;

[TaskName(nameof(Default))]
[TaskDescription("The developer's and CI's main job: compile and test.")]
[IsDependentOn(typeof(Compile))]
[IsDependentOn(typeof(Test))]
public sealed class Default : FrostingTask<BuildContext>;

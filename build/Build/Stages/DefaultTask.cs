using Build.Core;
using Build.Stages.Compile;
using Build.Stages.Test;
using Cake.Frosting;

namespace Build.Stages;

[TaskName("Default")]
[TaskDescription("The developer's and CI's main job: compile and test.")]
[IsDependentOn(typeof(CompileTask))]
[IsDependentOn(typeof(TestTask))]
public sealed class DefaultTask : FrostingTask<BuildContext>;

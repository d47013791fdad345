using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Accessibility;

/// <summary>The scan drives a headless Chromium.</summary>
public sealed class AccessibilityTools : StageTools<AccessibilityTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.Chromium];
}

using Build.Core;
using Build.Parameters;
using Cake.Core;

namespace Build.Stages.Infrastructure;

/// <summary>
/// Changing prod needs an explicit yes: <c>--approve</c> (CI grants it behind its own approval gate:
/// GitHub environment protection, Jenkins <c>input</c>), or a typed "yes" on an interactive terminal.
/// </summary>
public static class ProductionApproval
{
    public static void Require(BuildContext context)
    {
        if (!context.BuildEnvironment.IsProduction || context.Parameters.Terraform.Approved)
        {
            return;
        }

        if (!context.IsCi && !Console.IsInputRedirected && !Console.IsOutputRedirected)
        {
            Console.Write($"Apply the plan to prod ({context.Results.TryGet<PlanResult>()?.Summary.ToConsoleLine()})? Type 'yes' to continue: ");
            if (string.Equals(Console.ReadLine()?.Trim(), "yes", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new CakeException($"Applying to prod needs approval: rerun with --{ArgumentNames.Approve} (in CI, behind the environment's approval gate) or answer 'yes' on a terminal.");
    }
}

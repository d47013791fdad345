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
    public static void Require(BuildContext context) =>
        Require(context, $"Apply the plan to prod ({context?.Results.TryGet<PlanResult>()?.Summary.ToConsoleLine()})", "Applying to prod");

    /// <param name="context">The build.</param>
    /// <param name="change">What is about to change prod, as the terminal question puts it ("Deploy 1.4.0 to prod").</param>
    /// <param name="action">The same as the refusal names it ("Deploying to prod").</param>
    public static void Require(BuildContext context, string change, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.BuildEnvironment.IsProduction || context.Parameters.Terraform.Approved)
        {
            return;
        }

        if (CanAsk(context))
        {
            Console.Write($"{change}? Type 'yes' to continue: ");
            if (string.Equals(Console.ReadLine()?.Trim(), "yes", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new CakeException($"{action} needs approval: rerun with --{ArgumentNames.Approve} (in CI, behind the environment's approval gate) or answer 'yes' on a terminal.");
    }

    /// <summary>Whether someone can answer the question here: a terminal, not CI.</summary>
    public static bool CanAsk(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !context.IsCi && !Console.IsInputRedirected && !Console.IsOutputRedirected;
    }
}

using System.Globalization;
using System.Text;

namespace Build.Stages.Image;

/// <summary>The policy result for people: one row per rule, then the size figures.</summary>
public static class ImagePolicyMarkdown
{
    public static string Section(ImagePolicyResult result, string imageReference)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Image `{imageReference}`: {(result.Passed ? "passed" : $"**{result.Violations.Count} violation(s)**")}.")
            .AppendLine()
            .AppendLine("| Rule | Check | Result |")
            .AppendLine("|---|---|---|");
        foreach (var rule in ImagePolicyRules.All)
        {
            var broken = result.Violations.Where(violation => violation.Rule == rule).Select(violation => violation.Message).ToList();
            var outcome = broken.Count == 0 ? "pass" : "FAIL: " + string.Join(" / ", broken);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule.Id} | {rule.Description} | {outcome.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        var size = result.Size;
        return text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Size: {size.CompressedMegabytes} MB compressed (estimate: gzip of each layer, as pushed), {size.UncompressedMegabytes} MB on disk; budget {result.BudgetMegabytes} MB compressed.")
            .ToString();
    }
}

using Build.Stages.Infrastructure;
namespace Build.Tests.Stages.Infrastructure;

public sealed class PlanSummaryTests
{
    private const string Plan = """
        {"resource_changes":[
          {"address":"aws_ecr_repository.app","type":"aws_ecr_repository","change":{"actions":["delete","create"]}},
          {"address":"aws_ecs_service.app","type":"aws_ecs_service","change":{"actions":["update"]}},
          {"address":"aws_lb.app","type":"aws_lb","change":{"actions":["create"]}},
          {"address":"aws_vpc.main","type":"aws_vpc","change":{"actions":["no-op"]}},
          {"address":"aws_cloudwatch_log_group.app","type":"aws_cloudwatch_log_group","change":{"actions":["delete"]}},
          {"address":"aws_iam_role.task","type":"aws_iam_role","change":{"actions":["create","delete"]}}
        ]}
        """;

    [Fact]
    public void Actions_are_counted_with_replacements_recognised_in_both_orders()
    {
        var summary = PlanSummary.Parse(Plan);

        Assert.Equal("1 to create, 1 to update, 2 to replace, 1 to destroy", summary.ToConsoleLine());
        Assert.DoesNotContain(summary.Changes, change => change.Address == "aws_vpc.main");
    }

    [Fact]
    public void Destroying_or_replacing_protected_resources_is_detected()
    {
        var threatened = ProtectedResources.Threatened(PlanSummary.Parse(Plan));

        Assert.Equal(["aws_ecr_repository.app", "aws_cloudwatch_log_group.app"], threatened.Select(change => change.Address));
    }

    [Fact]
    public void A_plan_without_changes_says_so()
    {
        var summary = PlanSummary.Parse("""{"format_version":"1.2"}""");

        Assert.False(summary.HasChanges);
        Assert.Contains("No changes.", summary.ToMarkdown("dev"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_has_one_row_per_resource_type()
    {
        var markdown = PlanSummary.Parse(Plan).ToMarkdown("staging");

        Assert.Contains("| aws_ecr_repository | 0 | 0 | 1 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| aws_lb | 1 | 0 | 0 | 0 |", markdown, StringComparison.Ordinal);
    }
}

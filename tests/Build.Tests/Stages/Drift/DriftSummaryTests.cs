using Build.Stages.Drift;

namespace Build.Tests.Stages.Drift;

public sealed class DriftSummaryTests
{
    private static string Drift(params string[] resources) => $$"""{"format_version":"1.2","resource_drift":[{{string.Join(",", resources)}}]}""";

    private static string Resource(string address, string actions, string before, string after) =>
        $$$"""{"address":"{{{address}}}","mode":"managed","type":"{{{address.Split('.')[0]}}}","name":"x","change":{"actions":{{{actions}}},"before":{{{before}}},"after":{{{after}}}}}""";

    [Fact]
    public void An_update_names_the_attributes_that_differ_and_no_value()
    {
        var summary = DriftSummary.Parse("dev", Drift(
            Resource("aws_security_group.alb", """["update"]""", """{"name":"alb","ingress":[{"port":443}],"description":"s3cr3t-old"}""", """{"name":"alb","ingress":[{"port":22}],"description":"s3cr3t-new"}""")));

        var resource = Assert.Single(summary.Resources);
        Assert.Equal(DriftSummary.Update, resource.Action);
        Assert.Equal(["description", "ingress"], resource.Attributes);
        Assert.Equal("aws_security_group.alb (description, ingress)", resource.Described);
        Assert.DoesNotContain("s3cr3t", summary.ToFailureLine() + summary.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_read_back_as_empty_is_no_drift_as_providers_normalise_it()
    {
        var summary = DriftSummary.Parse("dev", Drift(
            Resource("aws_cloudwatch_log_group.app", """["update"]""", """{"tags":null,"tags_all":{},"kms_key_id":""}""", """{"tags":{},"tags_all":{},"kms_key_id":""}""")));

        Assert.False(summary.HasDrift);
        Assert.Equal("no drift: the infrastructure matches the state", summary.ToConsoleLine());
    }

    [Fact]
    public void A_deleted_resource_is_drift_with_no_attributes_and_the_line_lists_every_resource_by_address()
    {
        var summary = DriftSummary.Parse("staging", Drift(
            Resource("aws_s3_bucket.logs", """["delete"]""", """{"bucket":"b"}""", "null"),
            Resource("aws_cloudwatch_log_group.app", """["update"]""", """{"retention_in_days":7}""", """{"retention_in_days":30}""")));

        Assert.Equal(
            "Drift: 2 resources changed outside terraform in staging: aws_cloudwatch_log_group.app (retention_in_days), aws_s3_bucket.logs (deleted). "
            + "Review them (artifacts/drift/staging/drift.json), then either make terraform/ describe them or run Plan and Apply to put them back.",
            summary.ToFailureLine());
        Assert.Contains("| `aws_s3_bucket.logs` | delete | (deleted outside terraform) |", summary.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_resource_drift_or_with_only_reads_and_no_ops_is_no_drift()
    {
        Assert.False(DriftSummary.Parse("dev", """{"format_version":"1.2"}""").HasDrift);
        Assert.False(DriftSummary.Parse("dev", Drift(Resource("aws_iam_role.task", """["no-op"]""", "{}", "{}"))).HasDrift);
    }
}

using Build.Tools.Terraform;

namespace Build.Tests.Tools.Terraform;

/// <summary>Terraform's errors read from its -no-color output, as terraform 1.11 prints them.</summary>
public sealed class TerraformDiagnosticsTests
{
    private const string Copy = "/repo/.build/terraform/dev-local/module";

    private static readonly string[] InvalidCpu =
    [
        "",
        "Error: Invalid value for variable",
        "",
        $"  on {Copy}/environments/dev.tfvars line 14:",
        "  14: cpu           = 300",
        "    ├────────────────",
        "    │ var.cpu is 300",
        "",
        "cpu must be one of the Fargate values 256, 512, 1024, 2048, 4096, 8192,",
        "16384.",
        "",
        "This was checked by the validation rule at variables.tf:323,3-13.",
    ];

    private static string Shown(string file) => file.Replace(Copy, "terraform", StringComparison.Ordinal);

    [Fact]
    public void An_error_names_the_file_people_edit_its_line_summary_and_first_paragraph()
    {
        var error = Assert.Single(TerraformDiagnostics.Errors(InvalidCpu, Shown));

        Assert.Equal(
            "terraform/environments/dev.tfvars:14: Invalid value for variable: cpu must be one of the Fargate values 256, 512, 1024, 2048, 4096, 8192, 16384.",
            error.ToString());
        Assert.Equal(("terraform/environments/dev.tfvars", 14), (error.File, error.Line));
    }

    [Fact]
    public void The_same_error_reported_many_times_is_kept_once()
    {
        var output = Enumerable.Repeat(InvalidCpu, 12).SelectMany(lines => lines).ToList();

        Assert.Single(TerraformDiagnostics.Errors(output, Shown));
    }

    [Fact]
    public void An_interrupted_apply_gives_the_cause_not_execution_halted()
    {
        string[] output =
        [
            "Interrupt received.",
            "Stopping operation...",
            "",
            "Error: execution halted",
            "",
            "",
            "Error: execution halted",
            "",
            "",
            "Error: local-exec provisioner error",
            "",
            "  with terraform_data.hold,",
            "  on main.tf line 40, in resource \"terraform_data\" \"hold\":",
            "  40:   provisioner \"local-exec\" {",
            "",
            "Error running command 'sleep 30': signal: killed. Output: ",
        ];

        var errors = TerraformDiagnostics.Errors(output, file => "terraform/" + file);

        Assert.Equal(
            "terraform/main.tf:40: local-exec provisioner error: Error running command 'sleep 30': signal: killed. Output:",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void Execution_halted_alone_is_still_reported()
    {
        var error = Assert.Single(TerraformDiagnostics.Errors(["Error: execution halted"]));

        Assert.Equal("execution halted", error.ToString());
    }

    [Fact]
    public void Boxed_output_is_read_like_plain_output()
    {
        string[] output =
        [
            "╷",
            "│ Error: Invalid expression",
            "│ ",
            "│   on environments/dev.tfvars line 2:",
            "│    2: foo = ",
            "│ ",
            "│ Expected the start of an expression, but found an invalid expression token.",
            "╵",
        ];

        Assert.Equal(
            "environments/dev.tfvars:2: Invalid expression: Expected the start of an expression, but found an invalid expression token.",
            Assert.Single(TerraformDiagnostics.Errors(output)).ToString());
    }

    [Fact]
    public void More_than_three_errors_name_the_first_three_and_count_the_rest()
    {
        var errors = Enumerable.Range(1, 5).Select(line => new TerraformDiagnostic("Bad", "a.tf", line)).ToList();

        Assert.Equal("a.tf:1: Bad; a.tf:2: Bad; a.tf:3: Bad (+2 more above)", TerraformDiagnostics.Describe(errors));
    }

    [Fact]
    public void Output_without_an_error_block_describes_nothing()
    {
        Assert.Null(TerraformDiagnostics.Describe(TerraformDiagnostics.Errors(["Planning failed."])));
    }
}

using Build.Stages.Compile;

namespace Build.Tests.Stages.Compile;

public sealed class CompilerErrorsTests
{
    private const string Root = "/work/repo";

    [Fact]
    public void Errors_of_the_file_log_read_as_relative_file_line_column_code_and_message_each_once()
    {
        string[] log =
        [
            "     2>/work/repo/src/App/Pages/Index.cshtml.cs(12,9): error CS1002: ; expected [/work/repo/src/App/App.csproj]",
            "     3>/work/repo/src/App/Pages/Index.cshtml.cs(12,9): error CS1002: ; expected [/work/repo/src/App/App.csproj]",
            "/work/repo/src/App/Program.cs(3,1,3,9): error CS0246: The type or namespace name 'Foo' could not be found [/work/repo/src/App/App.csproj]",
            "CSC : error CS5001: Program does not contain a static 'Main' method suitable for an entry point [/work/repo/src/App/App.csproj]",
            "/usr/share/dotnet/sdk/10.0.401/Microsoft.Common.CurrentVersion.targets(2413,5): error MSB3245: Could not resolve this reference.",
            "FileLogger wrote nothing here",
        ];

        var errors = CompilerErrors.Read(log, Root);

        Assert.Equal(
            [
                "src/App/Pages/Index.cshtml.cs(12,9): CS1002 ; expected",
                "src/App/Program.cs(3,1): CS0246 The type or namespace name 'Foo' could not be found",
                "CSC: CS5001 Program does not contain a static 'Main' method suitable for an entry point",
                "/usr/share/dotnet/sdk/10.0.401/Microsoft.Common.CurrentVersion.targets(2413,5): MSB3245 Could not resolve this reference.",
            ],
            errors);
    }

    [Fact]
    public void The_line_names_the_first_three_and_says_where_the_others_are()
    {
        string[] errors = ["a.cs(1,1): CS0103 one", "a.cs(2,1): CS0103 two", "a.cs(3,1): CS0103 three", "a.cs(4,1): CS0103 four"];

        Assert.Equal(
            "Compile failed: a.cs(1,1): CS0103 one; a.cs(2,1): CS0103 two; a.cs(3,1): CS0103 three (+1 more error in artifacts/compile/errors.log)",
            CompilerErrors.Line(errors, 1, "artifacts/compile/errors.log"));
        Assert.Equal("Compile failed: a.cs(1,1): CS0103 one", CompilerErrors.Line(errors[..1], 1, "artifacts/compile/errors.log"));
    }

    [Fact]
    public void A_failure_without_a_logged_error_says_so_instead_of_an_empty_list()
    {
        Assert.Equal(
            "Compile failed: dotnet build exited with code 137 and logged no compiler error; see its output above.",
            CompilerErrors.Line([], 137, "artifacts/compile/errors.log"));
    }
}

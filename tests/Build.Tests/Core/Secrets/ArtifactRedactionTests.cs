using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Build.Core.Secrets;
using Build.Stages.Test;
using Build.Tests.Stages.Test;

namespace Build.Tests.Core.Secrets;

public sealed class ArtifactRedactionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artifact-redaction-").FullName;
    private readonly SecretRegistry _secrets = new();
    private readonly ArtifactRedaction _redaction;

    public ArtifactRedactionTests() => _redaction = new ArtifactRedaction(_secrets);

    [Fact]
    public void A_TRX_file_is_redacted_value_by_value_and_is_still_read_as_the_same_run()
    {
        // The real TRX's failure message holds <large & "loud">, written as &lt;large &amp; "loud"&gt;.
        var trx = Path.Combine(_folder, "tests.trx");
        File.Copy(TrxFixture.Path, trx);
        _secrets.Register("<large & \"loud\">");

        Assert.True(_redaction.RedactFile(trx));

        var text = File.ReadAllText(trx);
        Assert.DoesNotContain("large &amp;", text, StringComparison.Ordinal);
        var run = TrxReader.Read(trx);
        Assert.Equal(7, run.Results.Count);
        var failed = Assert.Single(run.Results, result => result.Outcome == TestOutcome.Failed);
        Assert.Contains("Actual:   \"***\"", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(run.Results, result => result.StdOut == "Adding 2 and 3");
        Assert.Equal(TrxReader.Read(TrxFixture.Path).Results.Select(result => result.FullName), run.Results.Select(result => result.FullName));
    }

    [Fact]
    public void A_JSON_file_is_redacted_in_its_escaped_form_and_a_short_secret_never_breaks_its_literals()
    {
        var file = Path.Combine(_folder, "report.json");
        _secrets.Register("p+ss&word-1234");
        _secrets.Register("true");

        // System.Text.Json writes '+' as \u002B and '&' as \u0026: the raw value is not in the file.
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token"] = "p+ss&word-1234",
            ["p+ss&word-1234"] = "as a name",
            ["flag"] = true,
            ["said"] = "true",
        }));
        Assert.DoesNotContain("p+ss&word-1234", File.ReadAllText(file), StringComparison.Ordinal);

        Assert.True(_redaction.RedactFile(file));

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("***", json.RootElement.GetProperty("token").GetString());
        Assert.Equal("as a name", json.RootElement.GetProperty("***").GetString());
        Assert.True(json.RootElement.GetProperty("flag").GetBoolean());
        Assert.Equal("***", json.RootElement.GetProperty("said").GetString());
    }

    [Fact]
    public void An_HTML_page_is_redacted_in_its_encoded_form()
    {
        var file = Path.Combine(_folder, "index.html");
        _secrets.Register("a&b<c>\"d'-secret");
        File.WriteAllText(file, $"<p>{WebUtility.HtmlEncode("a&b<c>\"d'-secret")}</p>\n");

        Assert.True(_redaction.RedactFile(file));

        Assert.Equal("<p>***</p>\n", File.ReadAllText(file));
    }

    [Fact]
    public void A_file_that_is_not_what_its_extension_says_is_redacted_as_text()
    {
        var file = Path.Combine(_folder, "broken.json");
        _secrets.Register("secret-value-42");
        File.WriteAllText(file, "{ \"cut\": \"secret-value-42");

        Assert.True(_redaction.RedactFile(file));

        Assert.Equal("{ \"cut\": \"***", File.ReadAllText(file));
    }

    [Fact]
    public void A_rewritten_file_keeps_its_byte_order_mark()
    {
        var file = Path.Combine(_folder, "junit.xml");
        _secrets.Register("secret-value-42");
        File.WriteAllText(file, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites><testcase name=\"secret-value-42\" /></testsuites>\n", new UTF8Encoding(true));

        Assert.True(_redaction.RedactFile(file));

        var bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("***", (string?)XDocument.Load(file).Root!.Element("testcase")!.Attribute("name"));
    }

    [Fact]
    public void Binary_files_and_files_without_secrets_are_left_as_they_are()
    {
        _secrets.Register("secret-value-42");
        var binary = Path.Combine(_folder, "tfplan");
        byte[] bytes = [0x50, 0x4B, 0x03, 0x04, 0x00, .. Encoding.UTF8.GetBytes("secret-value-42")];
        File.WriteAllBytes(binary, bytes);
        var clean = Path.Combine(_folder, "summary.md");
        File.WriteAllText(clean, "nothing to hide\n");
        var written = File.GetLastWriteTimeUtc(clean);

        Assert.False(_redaction.RedactFile(binary));
        Assert.False(_redaction.RedactFile(clean));

        Assert.Equal(bytes, File.ReadAllBytes(binary));
        Assert.Equal(written, File.GetLastWriteTimeUtc(clean));
    }

    [Fact]
    public void Terraform_state_is_kept_as_it_is_to_be_pushed_back()
    {
        _secrets.Register("secret-value-42");
        var state = Path.Combine(_folder, "errored.tfstate");
        const string text = "{\"resources\":[{\"instances\":[{\"attributes\":{\"password\":\"secret-value-42\"}}]}]}";
        File.WriteAllText(state, text);

        Assert.False(_redaction.RedactFile(state));

        Assert.Equal(text, File.ReadAllText(state));
    }

    [Fact]
    public void A_directory_is_redacted_with_its_subdirectories()
    {
        _secrets.Register("secret-value-42");
        var nested = Directory.CreateDirectory(Path.Combine(_folder, "coverage", "html")).FullName;
        File.WriteAllText(Path.Combine(_folder, "plan.json"), "{\"variables\":{\"db_password\":{\"value\":\"secret-value-42\"}}}");
        File.WriteAllText(Path.Combine(nested, "index.htm"), "<td>secret-value-42</td>");
        File.WriteAllText(Path.Combine(nested, "clean.txt"), "clean");

        Assert.Equal(2, _redaction.RedactDirectory(_folder));

        Assert.DoesNotContain(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories), file => File.ReadAllText(file).Contains("secret-value-42", StringComparison.Ordinal));
    }

    [Fact]
    public void An_artifact_the_build_writes_is_redacted_before_it_reaches_the_disk()
    {
        _secrets.Register("secret-value-42");
        var file = Path.Combine(_folder, "new", "outputs.json");

        _redaction.WriteAllText(file, "{\"url\":\"http://ci:pw@host/\",\"token\":\"secret-value-42\"}");

        Assert.Equal("{\"url\":\"http://***@host/\",\"token\":\"***\"}", File.ReadAllText(file));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

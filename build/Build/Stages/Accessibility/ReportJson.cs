using System.Text.Encodings.Web;
using System.Text.Json;
using Build.Core;

namespace Build.Stages.Accessibility;

/// <summary>
/// JSON options of the accessibility reports: indented, camelCase, and HTML snippets and '+' left readable (the
/// default encoder writes them as \u003C, which also hides them from text redaction). Never embedded in HTML.
/// </summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonDefaults.Indented) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Build.Core.Secrets;

/// <summary>
/// Redacts artifact files the way the console is redacted, so nothing CI archives holds a secret. JSON and XML files
/// are redacted value by value (string values and property names; text, attribute values and comments): escaping
/// cannot hide a secret there (<c>&amp;amp;</c>, <c>\u002B</c> are decoded first), a short secret equal to a literal
/// such as <c>true</c> cannot break the structure, and the file stays valid. Any other text file is redacted as text,
/// in every escaped form of each secret (<see cref="SecretForms"/>). Binary files (a NUL byte in the first 8 KiB, or
/// not UTF-8: a saved plan, an image tarball, a screenshot) are left alone, and so are terraform state files
/// (<c>errored.tfstate</c>): they exist to be pushed back as they are, and a masked value in them would be lost state.
/// </summary>
/// <remarks>
/// Writers of the build call <see cref="WriteAllText"/>; files written by tools (TRX, coverage, dotnet format, terraform
/// show) are redacted in place with <see cref="RedactFile"/> or <see cref="RedactDirectory"/>. A file is rewritten only
/// when something in it was masked, through a temporary file, so a crash never leaves half a file.
/// </remarks>
public sealed class ArtifactRedaction(SecretRegistry secrets)
{
    private const int SniffLength = 8192;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly string[] JsonExtensions = [".json", ".sarif"];
    private static readonly string[] XmlExtensions = [".xml", ".trx"];

    /// <summary>Writes an artifact the build produced, redacted as its kind (by extension) requires.</summary>
    public void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Redact(text, path));
    }

    /// <summary>The text redacted as a file of that name holds it: JSON and XML by value, anything else as text.</summary>
    public string Redact(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName);
        var structured = HasExtension(extension, JsonExtensions) ? RedactJson(text)
            : HasExtension(extension, XmlExtensions) ? RedactXml(text)
            : null;

        // A file that does not parse as its extension says is still redacted, as text.
        return structured ?? secrets.Redact(text);
    }

    /// <summary>Redacts a file in place; false when it held nothing to mask or is not text.</summary>
    public bool RedactFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists || file.LinkTarget is not null || IsTerraformState(file.Name))
        {
            return false;
        }

        var bytes = File.ReadAllBytes(path);
        var bom = bytes.AsSpan().StartsWith(Utf8Bom);
        var body = bom ? bytes.AsMemory(Utf8Bom.Length) : bytes.AsMemory();
        if (body.Span[..Math.Min(body.Length, SniffLength)].Contains((byte)0) || !TryDecode(body.Span, out var text))
        {
            return false;
        }

        var redacted = Redact(text, path);
        if (redacted == text)
        {
            return false;
        }

        var temporary = path + ".redacting";
        try
        {
            File.WriteAllText(temporary, redacted, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }

    /// <summary>Redacts every file under the directory (recursively); returns how many were rewritten.</summary>
    public int RedactDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Count(RedactFile)
            : 0;
    }

    private static bool IsTerraformState(string name) =>
        name.EndsWith(".tfstate", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tfstate.backup", StringComparison.OrdinalIgnoreCase);

    private static bool HasExtension(string extension, string[] extensions) =>
        extensions.Contains(extension, StringComparer.OrdinalIgnoreCase);

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private string? RedactJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 512 });
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            using var buffer = new MemoryStream();
            var changed = false;
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = text.Contains('\n', StringComparison.Ordinal), Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 512 }))
            {
                WriteRedacted(writer, document.RootElement, ref changed);
            }

            return changed ? Encoding.UTF8.GetString(buffer.ToArray()) + (text.EndsWith('\n') ? "\n" : "") : text;
        }
    }

    private void WriteRedacted(Utf8JsonWriter writer, JsonElement element, ref bool changed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(RedactValue(property.Name, ref changed));
                    WriteRedacted(writer, property.Value, ref changed);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteRedacted(writer, item, ref changed);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(RedactValue(element.GetString() ?? "", ref changed));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private string? RedactXml(string text)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }

        var changed = false;
        foreach (var node in document.DescendantNodes())
        {
            switch (node)
            {
                case XText content:
                    content.Value = RedactValue(content.Value, ref changed);
                    break;
                case XComment comment:
                    comment.Value = RedactValue(comment.Value, ref changed);
                    break;
                case XProcessingInstruction instruction:
                    instruction.Data = RedactValue(instruction.Data, ref changed);
                    break;
                case XElement element:
                    foreach (var attribute in element.Attributes())
                    {
                        attribute.Value = RedactValue(attribute.Value, ref changed);
                    }

                    break;
            }
        }

        if (!changed)
        {
            return text;
        }

        using var output = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = document.Declaration is null, NewLineHandling = NewLineHandling.Entitize }))
        {
            document.Save(writer);
        }

        return output.ToString() + (text.EndsWith('\n') ? "\n" : "");
    }

    private string RedactValue(string value, ref bool changed)
    {
        var redacted = secrets.Redact(value);
        changed |= redacted != value;
        return redacted;
    }

    // The XML declaration names the writer's encoding; the file is written as UTF-8.
    private sealed class Utf8StringWriter() : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}

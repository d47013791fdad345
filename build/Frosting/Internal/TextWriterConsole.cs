using Cake.Core;

namespace Cake.Frosting.Internal;

/// <summary>Cake's console over two writers, so output can be captured and filtered. Colours are not used.</summary>
internal sealed class TextWriterConsole(TextWriter output, TextWriter error) : IConsole
{
    public ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public bool SupportAnsiEscapeCodes => false;

    public void Write(string format, params object[] arg) => output.Write(Format(format, arg));

    public void WriteLine(string format, params object[] arg) => output.WriteLine(Format(format, arg));

    public void WriteError(string format, params object[] arg) => error.Write(Format(format, arg));

    public void WriteErrorLine(string format, params object[] arg) => error.WriteLine(Format(format, arg));

    public void ResetColor()
    {
    }

    private static string Format(string format, object[] arg) =>
        arg.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, arg);
}

using System.Text;

namespace Cake.Frosting.Scheduling;

/// <summary>A writer whose text goes through <see cref="TaskOutputRouter"/> to <paramref name="target"/>.</summary>
internal sealed class RoutedTextWriter(TaskOutputRouter router, TextWriter target) : TextWriter
{
    public override Encoding Encoding => target.Encoding;

    public override void Write(char value) => router.Write(target, value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            router.Write(target, value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override void Flush() => target.Flush();
}

using System.Globalization;
using Cake.Core.Diagnostics;

namespace Build.Tests.Tools.Aws;

/// <summary>A Cake log that keeps every line, to assert what was (and was not) logged.</summary>
public sealed class CapturingLog : ICakeLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public string All => string.Join('\n', Lines);

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        var line = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        lock (_gate)
        {
            _lines.Add($"{level}: {line}");
        }
    }
}

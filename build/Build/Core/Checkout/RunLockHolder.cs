using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Build.Core.Checkout;

/// <summary>Who holds a checkout's run lock: written next to the lock so a second run can name it.</summary>
public sealed record RunLockHolder(int Pid, string Target, DateTimeOffset Since, string Host, DateTimeOffset? ProcessStarted)
{
    public static RunLockHolder ThisProcess(string target)
    {
        using var process = Process.GetCurrentProcess();
        return new RunLockHolder(Environment.ProcessId, target, DateTimeOffset.UtcNow, Environment.MachineName, new DateTimeOffset(process.StartTime).ToUniversalTime());
    }

    /// <summary>The holder recorded in <paramref name="file"/>, or null when there is none or it cannot be read.</summary>
    public static RunLockHolder? Read(string file)
    {
        try
        {
            var holder = File.Exists(file) ? JsonSerializer.Deserialize<RunLockHolder>(File.ReadAllText(file), JsonDefaults.Indented) : null;
            return holder is { Target: not null, Host: not null } ? holder : null;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the record whole (a temporary file renamed over the old one), so a reader never sees half of it.</summary>
    public void Write(string file)
    {
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, JsonDefaults.Indented));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>
    /// Whether this process still runs on this machine: same PID and, when recorded, the same start time (a PID is
    /// reused after a crash, a container's PIDs repeat). A process on another host cannot be asked: not alive here.
    /// </summary>
    public bool IsAliveOnThisHost()
    {
        if (!Host.Equals(Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(Pid);
            return ProcessStarted is not { } started
                || Math.Abs((new DateTimeOffset(process.StartTime).ToUniversalTime() - started).TotalSeconds) < 2;
        }
        catch (Exception gone) when (gone is ArgumentException or InvalidOperationException)
        {
            return false;
        }
        catch (Exception unknown) when (unknown is Win32Exception or NotSupportedException)
        {
            // The process exists but its start time cannot be read: count it as alive.
            return true;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"PID {Pid}, target {Target}, since {Since.ToUniversalTime():u} on {Host}");
}

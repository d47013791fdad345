using System.Globalization;
using System.Net;

namespace Build.Tools.Machine;

/// <summary>A registry's host:port (<c>127.0.0.1:5000</c>, <c>localhost:5001</c>, <c>[::1]:5000</c>).</summary>
public static class RegistryAddress
{
    public static string Host(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var colon = address.LastIndexOf(':');
        return colon > 0 && !address.EndsWith(']') ? address[..colon] : address;
    }

    /// <summary>The port, or 80 when the address names none.</summary>
    public static int Port(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var host = Host(address);
        return host.Length < address.Length && int.TryParse(address[(host.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 80;
    }

    /// <summary>Whether the address is this machine's loopback (127.0.0.0/8, localhost, ::1): a registry the build may start.</summary>
    public static bool IsLoopback(string address)
    {
        var host = Host(address).Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>The IP address a listener binds for the address (localhost: 127.0.0.1), as docker run -p wants it.</summary>
    public static string BindHost(string address)
    {
        var host = Host(address);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : host;
    }
}

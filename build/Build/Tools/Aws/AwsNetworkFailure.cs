using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Build.Tools.Aws;

/// <summary>
/// Words a transport failure as what it is (connection refused, DNS, TLS, reset) so it is never mistaken for
/// AWS throttling; TLS failures are not retried (a certificate does not fix itself between attempts).
/// </summary>
public static class AwsNetworkFailure
{
    public const string ConnectionCode = "NetworkError";
    public const string NameResolutionCode = "NameResolutionError";
    public const string TlsCode = "TlsError";
    public const string TimeoutCode = "RequestTimeout";

    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal) { ConnectionCode, NameResolutionCode, TlsCode, TimeoutCode };

    public static bool IsNetwork(AwsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Codes.Contains(error.Code) && error.StatusCode == 0;
    }

    /// <summary>The error recorded for a request that never got an HTTP answer (status 0: nothing answered).</summary>
    public static AwsError From(HttpRequestException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var socket = Find<SocketException>(failure);
        return failure.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new AwsError(NameResolutionCode, "the host name does not resolve (DNS)", 0),
            HttpRequestError.SecureConnectionError => new AwsError(TlsCode, $"the TLS handshake failed ({Innermost(failure)})", 0),
            _ when Find<AuthenticationException>(failure) is not null => new AwsError(TlsCode, $"the TLS handshake failed ({Innermost(failure)})", 0),
            _ when socket?.SocketErrorCode == SocketError.ConnectionRefused => new AwsError(ConnectionCode, "connection refused (nothing listens there)", 0),
            _ when socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
                new AwsError(NameResolutionCode, "the host name does not resolve (DNS)", 0),
            _ when socket?.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted =>
                new AwsError(ConnectionCode, "the connection was reset", 0),
            _ when socket?.SocketErrorCode is SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.TimedOut =>
                new AwsError(ConnectionCode, $"the host is unreachable ({socket.SocketErrorCode})", 0),
            _ => new AwsError(ConnectionCode, $"the connection failed ({Innermost(failure)})", 0),
        };
    }

    public static AwsError Timeout(TimeSpan attemptTimeout) =>
        new(TimeoutCode, string.Create(CultureInfo.InvariantCulture, $"no answer within {attemptTimeout.TotalSeconds:0.#} s"), 0);

    public static bool IsRetryable(AwsError error) => IsNetwork(error) && error.Code != TlsCode;

    /// <summary>One line: what could not be reached, why, and where that address came from.</summary>
    public static string Describe(string operation, AwsSettings settings, AwsError error, string attempts)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(error);
        var fix = error.Code == TlsCode
            ? "check the endpoint's certificate, or a proxy that intercepts TLS"
            : "check the network (proxy, VPN, firewall)";
        return $"{operation} could not reach {settings.Endpoint} ({settings.EndpointSource}){attempts}: {error.Message}. This is a network problem, not AWS throttling: {fix}, or {settings.EndpointHint}.";
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current.Message.TrimEnd('.');
    }
}

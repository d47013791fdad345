using System.Globalization;
using System.Net;
using Build.Stages.Accessibility;

namespace Build.Tests.Support;

/// <summary>
/// An HttpListener on http://127.0.0.1:&lt;free port&gt;/ that hands each request, one at a time, to a handler
/// until disposed. The free port is probed first, so starting is retried a few times when it is taken meanwhile.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private const int StartAttempts = 5;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _serving;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        _handle = handle;
        (_listener, BaseUrl) = Listen();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Gets the server's root, http://127.0.0.1:&lt;port&gt;/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Closes the listener, which ends the serve loop, and waits a while for the loop to finish.</summary>
    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(StopTimeout);
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; how it ended (e.g. closed under a pending request) does not matter here.
        }
    }

    private static (HttpListener Listener, Uri BaseUrl) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var prefix = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < StartAttempts)
            {
                // Someone took the port between the probe and the start: try another.
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception closed) when (closed is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The listener was closed: that is how the loop stops.
                return;
            }

            try
            {
                await _handle(context);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                // A handler that throws must not take the server down (every later request would be refused and the
                // test would stall in retries): the client gets a 500 naming the failure, and the loop goes on.
                AnswerFailure(context, failure);
            }
        }
    }

    private static void AnswerFailure(HttpListenerContext context, Exception failure)
    {
        try
        {
            var body = System.Text.Encoding.UTF8.GetBytes($"The test server's handler failed: {failure.GetType().Name}: {failure.Message}");
            context.Response.StatusCode = 500;
            context.Response.ContentLength64 = body.Length;
            context.Response.OutputStream.Write(body);
            context.Response.Close();
        }
        catch (Exception gone) when (gone is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone or the response was already sent: nothing more to tell it.
        }
    }
}

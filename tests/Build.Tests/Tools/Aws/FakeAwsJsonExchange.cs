using System.Net;
using System.Text;

namespace Build.Tests.Tools.Aws;

/// <summary>A JSON 1.1 request as the fakes read it: the raw body (signed as is), lower-cased headers, the operation.</summary>
internal sealed record FakeAwsJsonRequestIn(byte[] Body, Dictionary<string, string> Headers, string Operation);

/// <summary>Reading a JSON 1.1 request and writing its answer, the same for every fake AWS service.</summary>
internal static class FakeAwsJsonExchange
{
    /// <summary>Reads the request; the operation is X-Amz-Target without <paramref name="targetPrefix"/>.</summary>
    public static async Task<FakeAwsJsonRequestIn> ReadAsync(HttpListenerContext context, string targetPrefix)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var headers = context.Request.Headers.AllKeys
            .Where(name => name is not null)
            .ToDictionary(name => name!.ToLowerInvariant(), name => context.Request.Headers[name]!, StringComparer.Ordinal);
        var target = headers.GetValueOrDefault("x-amz-target") ?? "";
        var operation = target.StartsWith(targetPrefix, StringComparison.Ordinal) ? target[targetPrefix.Length..] : target;
        return new FakeAwsJsonRequestIn(buffer.ToArray(), headers, operation);
    }

    /// <summary>Answers with AWS's content type and a request id, then closes the response.</summary>
    public static async Task AnswerAsync(HttpListenerContext context, int status, string answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}

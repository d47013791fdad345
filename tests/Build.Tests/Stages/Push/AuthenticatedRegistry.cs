using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using Build.Tests.Stages.Image;

namespace Build.Tests.Stages.Push;

/// <summary>
/// A real registry (Debian's docker-registry, distribution 2.8) that only lets <see cref="UserName"/> in with
/// <see cref="Password"/> (htpasswd, bcrypt), on a free loopback port: what ECR's registry endpoint is to docker.
/// </summary>
public sealed partial class AuthenticatedRegistry : IDisposable
{
    public const string UserName = "AWS";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("auth-registry-");
    private readonly Process _process;

    public AuthenticatedRegistry(string password)
    {
        Password = password;
        var port = DockerEngineFixture.FreePort();
        Address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var htpasswd = Path.Combine(_folder.FullName, "htpasswd");
        File.WriteAllText(htpasswd, $"{UserName}:{Bcrypt(password)}\n");
        var config = Path.Combine(_folder.FullName, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_folder.FullName, "data")}
            http:
              addr: {Address}
            auth:
              htpasswd:
                realm: fake-ecr
                path: {htpasswd}
            """);
        var start = new ProcessStartInfo("docker-registry") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        }
        catch (Win32Exception missing)
        {
            throw new InvalidOperationException($"docker-registry is not installed ({missing.Message}): apt-get install docker-registry, or run bash .ci/run once.", missing);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilItChallenges();
    }

    /// <summary>Gets host:port, e.g. 127.0.0.1:40123.</summary>
    public string Address { get; }

    public string Password { get; }

    /// <summary>An HTTP client for the registry's v2 API, signed in.</summary>
    public HttpClient SignedInClient()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}")));
        return http;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    // distribution's htpasswd only takes bcrypt; libcrypt (libxcrypt) computes it, so no tool or package is needed.
    private static string Bcrypt(string password)
    {
        var salt = "$2b$05$" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('+', '.').Replace("=", "", StringComparison.Ordinal)[..22];
        var hash = Marshal.PtrToStringAnsi(Crypt(password, salt));
        return hash is { Length: 60 } ? hash : throw new InvalidOperationException($"libcrypt did not compute a bcrypt hash (got '{hash}').");
    }

    private void WaitUntilItChallenges()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode} before it answered on {Address}.");
            }

            try
            {
                using var response = http.GetAsync(new Uri($"http://{Address}/v2/")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"docker-registry on {Address} did not answer 401 on /v2/ within 10 s.");
    }

    [LibraryImport("libcrypt.so.1", EntryPoint = "crypt", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr Crypt(string key, string salt);
}

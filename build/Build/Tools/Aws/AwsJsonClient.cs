using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Build.Core.Secrets;
using Cake.Core.Diagnostics;

namespace Build.Tools.Aws;

/// <summary>
/// Calls one operation of an AWS JSON-1.1 service: <c>POST /</c> with <c>X-Amz-Target</c>, signed with the SDK's
/// SigV4 signer; throttling, 5xx and network failures retried with bounded exponential backoff and jitter;
/// error answers turned into one-line typed exceptions with every registered secret redacted.
/// </summary>
public sealed class AwsJsonClient
{
    public const string UserAgent = "app-build-suite aws-json/1.1";

    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly AwsService _service;
    private readonly AwsSettings _settings;
    private readonly SecretRegistry _secrets;
    private readonly ICakeLog _log;
    private readonly HttpClient _http;
    private readonly AwsRequestSigner _signer;
    private readonly AwsCredentialSource _credentials;

    public AwsJsonClient(AwsService service, AwsSettings settings, SecretRegistry secrets, ICakeLog log, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        _service = service;
        _settings = settings;
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _http = http ?? SharedHttp;
        var config = new AwsSigningConfig(service, settings.Region, settings.Endpoint);
        _signer = new AwsRequestSigner(service, config, settings.Endpoint);
        _credentials = new AwsCredentialSource(settings.Credentials, config, secrets);
    }

    public AwsSettings Settings => _settings;

    public async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken = default)
    {
        var name = $"{_service.DisplayName} {operation}";
        var body = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var (json, error) = await AttemptAsync(name, operation, body, cancellationToken);
            if (error is null)
            {
                return Deserialize<TResponse>(name, json);
            }

            if (AwsErrorCodes.IsCredentialsRejected(error))
            {
                throw new AwsCredentialsRejectedException(name, error);
            }

            if (AwsNetworkFailure.IsNetwork(error) && (!AwsNetworkFailure.IsRetryable(error) || attempt >= _settings.Retry.MaxAttempts))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                var attempts = attempt == 1 ? "" : $" after {attempt} attempt(s) in {elapsed} s";
                throw new AwsRetriesExhaustedException(_secrets.Redact(AwsNetworkFailure.Describe(name, _settings, error, attempts)), name, error, attempt);
            }

            if (!AwsErrorCodes.IsRetryable(error))
            {
                throw new AwsServiceException(Failed(name, error), name, error);
            }

            if (attempt >= _settings.Retry.MaxAttempts)
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                throw new AwsRetriesExhaustedException(
                    $"{name} still failed after {attempt} attempt(s) in {elapsed} s ({error.Code}: {error.Message}): AWS is throttling or unavailable; retry later.",
                    name,
                    error,
                    attempt);
            }

#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
            var delay = _settings.Retry.DelayBeforeRetry(attempt, Random.Shared.NextDouble());
#pragma warning restore CA5394
            _log.Warning(
                "{0} failed ({1}: {2}); retry {3} of {4} in {5} s.",
                name,
                error.Code,
                error.Message,
                attempt,
                _settings.Retry.MaxAttempts - 1,
                delay.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture));
            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task<(string Json, AwsError? Error)> AttemptAsync(string name, string operation, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetAsync(cancellationToken);
        using var message = new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(AwsRequestSigner.JsonContentType);
        foreach (var (header, value) in _signer.Sign(operation, body, credentials))
        {
            if (header.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else if (!header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(header, value);
            }
        }

        message.Headers.UserAgent.ParseAdd(UserAgent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Retry.AttemptTimeout);
        try
        {
            _log.Verbose("{0} -> {1}", name, _settings.Endpoint);
            using var response = await _http.SendAsync(message, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (text, null);
            }

            var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
            var error = AwsError.Parse((int)response.StatusCode, text, errorType);
            return ("", error with { Message = _secrets.Redact(error.Message) });
        }
        catch (HttpRequestException failure)
        {
            var network = AwsNetworkFailure.From(failure);
            return ("", network with { Message = _secrets.Redact(network.Message) });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ("", AwsNetworkFailure.Timeout(_settings.Retry.AttemptTimeout));
        }
    }

    private TResponse Deserialize<TResponse>(string name, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TResponse>(string.IsNullOrWhiteSpace(json) ? "{}" : json, AwsJson.Options)
                ?? throw new AwsServiceException($"{name} returned an empty answer.");
        }
        catch (JsonException invalid)
        {
            throw new AwsServiceException(_secrets.Redact($"{name} returned an answer that is not the expected JSON: {invalid.Message}"), invalid);
        }
    }

    private static string Failed(string name, AwsError error) =>
        error.Code is "AccessDeniedException" or "AccessDenied"
            ? $"{name} was denied ({error.Code}: {error.Message}): grant the role or user permission for it."
            : $"{name} failed ({error.Code}: {error.Message}).";
}

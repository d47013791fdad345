using App.Contact;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace App.Tests;

/// <summary>Hosts the app in memory as it ships (Production), with a contact inbox the tests can read.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public RecordingContactInbox Inbox { get; } = new();

    /// <summary>A client that neither follows redirects nor keeps cookies, so tests see each response as sent.</summary>
    public HttpClient CreateRawClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services => services.AddSingleton<IContactInbox>(Inbox));
    }
}

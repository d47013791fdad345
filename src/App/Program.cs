using App.Contact;
using App.Health;
using App.Hosting;
using App.Maintenance;
using App.Security;
using App.Versioning;

// `App healthcheck`: the container's HEALTHCHECK (the image has no curl); probes the running app and exits.
if (HealthProbe.IsRequested(args))
{
    var target = HealthProbe.TargetFor(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"), DefaultHttpPort.Port);
    return await HealthProbe.RunAsync(target, HealthProbe.Timeout, Console.Out);
}

// `App migrate` / `App backup`: the one-off tasks Deploy runs before traffic moves (pre_deploy_command); harmless here.
if (MaintenanceCommand.IsRequested(args))
{
    return await MaintenanceCommand.RunAsync(args, Environment.GetEnvironmentVariable(MaintenanceCommand.ConnectionStringVariable), Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultHttpPort(DefaultHttpPort.Port);

builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services
    .AddRazorPages()
    .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false);
builder.Services.AddAppHealthChecks();
builder.Services.AddHostedService<ShutdownDrainService>();
builder.Services.AddSingleton<IContactInbox, LoggingContactInbox>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();

app.MapAppHealthChecks();
app.MapVersionEndpoint();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>The application entry point; public so integration tests can host it.</summary>
public partial class Program;

using Build.Stages.Accessibility;
namespace Build.Tests.Stages.Accessibility;

/// <summary>
/// One real headless browser for the browser tests (started once; they run one after another). A missing browser
/// fails every test of the collection with the locator's message, which says how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private AccessibilityScanner? _scanner;

    public static string BrowserPath => BrowserLocator.Resolve(null, Environment.GetEnvironmentVariable, File.Exists);

    public AccessibilityScanner Scanner => _scanner ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync() => _scanner = await AccessibilityScanner.LaunchAsync(BrowserPath, TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        if (_scanner is not null)
        {
            await _scanner.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using System.Net;

namespace App.Tests;

public sealed class ContactFormTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] FieldIds = ["contact-name", "contact-email", "contact-message"];

    [Fact]
    public async Task Given_the_contact_page_When_rendered_Then_every_control_has_a_visible_label_and_is_marked_required()
    {
        using var client = factory.CreateRawClient();
        using var response = await client.GetAsync(new Uri("/contact", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Html.AntiforgeryToken(html);
        foreach (var id in FieldIds)
        {
            var control = Html.StartTagById(html, id);
            Assert.NotNull(control);
            Assert.Equal("", Html.Attribute(control, "required"));
            Assert.Equal("true", Html.Attribute(control, "aria-required"));
            Assert.Null(Html.Attribute(control, "aria-invalid"));
            Assert.Contains("(required)", Html.TextById(html.Replace($"<label for=\"{id}\"", $"<label id=\"label-{id}\"", StringComparison.Ordinal), $"label-{id}"), StringComparison.Ordinal);
        }

        Assert.Equal("name", Html.Attribute(Html.StartTagById(html, "contact-name"), "autocomplete"));
        Assert.Equal("email", Html.Attribute(Html.StartTagById(html, "contact-email"), "autocomplete"));
        Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_fields_When_posted_Then_the_form_is_rerendered_with_a_summary_and_errors_linked_to_each_field()
    {
        var before = factory.Inbox.Messages.Count;

        var (response, html) = await PostAsync(name: "", email: "", message: "   ");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.StartsWith("Error: Contact us", Html.Title(html), StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Equal(1, Html.Count(html, "<h1"));
        var expected = new Dictionary<string, string>
        {
            ["contact-name"] = "Enter your name",
            ["contact-email"] = "Enter your email address",
            ["contact-message"] = "Enter your message",
        };
        foreach (var (id, message) in expected)
        {
            AssertFieldError(html, id, message);
            Assert.Contains($"<a href=\"#{id}\">{message}</a>", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, factory.Inbox.Messages.Count);
    }

    [Fact]
    public async Task Given_a_badly_formed_email_When_posted_Then_only_email_is_in_error_and_entered_values_are_kept_encoded()
    {
        var (response, html) = await PostAsync(name: "<b>Ada</b>", email: "not-an-email", message: "Hello");
        response.Dispose();

        AssertFieldError(html, "contact-email", "Enter an email address in the correct format, like name@example.com");
        Assert.Null(Html.Attribute(Html.StartTagById(html, "contact-name"), "aria-invalid"));
        Assert.Null(Html.Attribute(Html.StartTagById(html, "contact-name"), "aria-describedby"));
        Assert.Contains("value=\"&lt;b&gt;Ada&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ada</b>", html, StringComparison.Ordinal);
        Assert.Contains(">Hello</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_valid_fields_When_posted_Then_the_message_is_delivered_and_the_confirmation_is_shown()
    {
        var name = $"Ada {Guid.NewGuid():N}";

        var (response, _) = await PostAsync(name: $"  {name} ", email: "ada@example.com", message: "Hello there");
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/contact/sent", response.Headers.Location?.OriginalString);
        }

        using var client = factory.CreateRawClient();
        using var confirmation = await client.GetAsync(new Uri("/contact/sent", UriKind.Relative));
        var html = await confirmation.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("<h1>Message sent</h1>", html, StringComparison.Ordinal);
        Assert.Contains("We have received your message", html, StringComparison.Ordinal);

        var delivered = Assert.Single(factory.Inbox.Messages, m => m.Name == name);
        Assert.Equal("ada@example.com", delivered.Email);
        Assert.Equal("Hello there", delivered.Message);
    }

    [Fact]
    public async Task Given_no_antiforgery_token_When_posted_Then_it_is_rejected_with_400_and_nothing_is_delivered()
    {
        var name = $"Mallory {Guid.NewGuid():N}";
        using var client = factory.CreateRawClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = "mallory@example.com",
            ["Input.Message"] = "Hi",
        });

        using var response = await client.PostAsync(new Uri("/contact", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(factory.Inbox.Messages, m => m.Name == name);
    }

    private static void AssertFieldError(string html, string fieldId, string message)
    {
        var control = Html.StartTagById(html, fieldId);
        Assert.Equal("true", Html.Attribute(control, "aria-invalid"));
        var describedBy = Html.Attribute(control, "aria-describedby");
        Assert.NotNull(describedBy);
        var errorId = $"{fieldId}-error";
        Assert.Contains(errorId, describedBy.Split(' '));
        Assert.Equal($"Error: {message}", Html.TextById(html, errorId));
    }

    /// <summary>GETs the form for its antiforgery token and cookie, then POSTs the fields with both.</summary>
    private async Task<(HttpResponseMessage Response, string Html)> PostAsync(string name, string email, string message)
    {
        using var client = factory.CreateRawClient();
        using var page = await client.GetAsync(new Uri("/contact", UriKind.Relative));
        var token = Html.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var cookie = page.Headers.GetValues("Set-Cookie")
            .Select(header => header.Split(';')[0])
            .Single(pair => pair.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/contact", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Name"] = name,
                ["Input.Email"] = email,
                ["Input.Message"] = message,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }
}

using App.Contact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace App.Pages;

public sealed class ContactModel(IContactInbox inbox) : PageModel
{
    public const string NameId = "contact-name";
    public const string EmailId = "contact-email";
    public const string MessageId = "contact-message";

    // Form fields in page order, so the error summary lists problems in the order they appear.
    private static readonly (string Key, string Id)[] Fields =
    [
        ($"{nameof(Input)}.{nameof(ContactInput.Name)}", NameId),
        ($"{nameof(Input)}.{nameof(ContactInput.Email)}", EmailId),
        ($"{nameof(Input)}.{nameof(ContactInput.Message)}", MessageId),
    ];

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Errors = CollectErrors();
            return Page();
        }

        await inbox.DeliverAsync(Input.ToMessage(), cancellationToken);
        return RedirectToPage("/ContactSent");
    }

    public FieldError? ErrorFor(string fieldId) => Errors.FirstOrDefault(error => error.FieldId == fieldId);

    private List<FieldError> CollectErrors() =>
    [
        .. Fields.SelectMany(field => ModelState.TryGetValue(field.Key, out var entry) && entry.Errors.Count > 0
            ? [new FieldError(field.Id, entry.Errors[0].ErrorMessage)]
            : Array.Empty<FieldError>()),
    ];
}

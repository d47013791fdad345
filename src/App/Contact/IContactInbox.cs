namespace App.Contact;

/// <summary>Where contact messages go once they pass validation.</summary>
public interface IContactInbox
{
    Task DeliverAsync(ContactMessage message, CancellationToken cancellationToken);
}

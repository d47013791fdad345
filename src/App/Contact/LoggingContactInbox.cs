namespace App.Contact;

/// <summary>Records that a message arrived, without writing the sender's personal data to the log.</summary>
public sealed class LoggingContactInbox(ILogger<LoggingContactInbox> logger) : IContactInbox
{
    public Task DeliverAsync(ContactMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        logger.LogInformation("Contact message received ({Length} characters).", message.Message.Length);
        return Task.CompletedTask;
    }
}

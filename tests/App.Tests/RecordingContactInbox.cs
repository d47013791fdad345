using System.Collections.Concurrent;
using App.Contact;

namespace App.Tests;

/// <summary>Keeps delivered messages in memory so tests can check what the form sent.</summary>
public sealed class RecordingContactInbox : IContactInbox
{
    private readonly ConcurrentQueue<ContactMessage> _messages = new();

    public IReadOnlyCollection<ContactMessage> Messages => _messages;

    public Task DeliverAsync(ContactMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        return Task.CompletedTask;
    }
}

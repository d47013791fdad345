namespace App.Contact;

/// <summary>A validated message sent through the contact form.</summary>
public sealed record ContactMessage(string Name, string Email, string Message);

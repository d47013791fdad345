using System.ComponentModel.DataAnnotations;

namespace App.Contact;

/// <summary>The contact form as posted; messages are phrased for the person filling it in.</summary>
public sealed class ContactInput
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int MessageMaxLength = 2000;

    [Required(ErrorMessage = "Enter your name")]
    [StringLength(NameMaxLength, ErrorMessage = "Name must be 100 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your email address")]
    [StringLength(EmailMaxLength, ErrorMessage = "Email address must be 254 characters or fewer")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your message")]
    [StringLength(MessageMaxLength, ErrorMessage = "Message must be 2000 characters or fewer")]
    public string? Message { get; set; }

    public ContactMessage ToMessage() => new(Name!.Trim(), Email!.Trim(), Message!.Trim());
}

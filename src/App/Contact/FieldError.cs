namespace App.Contact;

/// <summary>A validation message and the id of the form control it belongs to.</summary>
public sealed record FieldError(string FieldId, string Message)
{
    public string MessageId => $"{FieldId}-error";
}

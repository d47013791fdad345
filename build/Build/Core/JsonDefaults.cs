using System.Text.Json;

namespace Build.Core;

/// <summary>JSON options shared by every artifact the build writes.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace App.Pages;

/// <summary>
/// Renders status-code and exception pages. The pipeline re-executes it with the original method,
/// so it renders for any method and skips antiforgery; requested directly, it is not found.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code => Response.StatusCode;

    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    public string Heading => Code switch
    {
        StatusCodes.Status404NotFound => "Page not found",
        StatusCodes.Status400BadRequest => "The request could not be processed",
        StatusCodes.Status405MethodNotAllowed => "That action is not allowed here",
        _ => "Sorry, something went wrong",
    };

    public IActionResult OnGet()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;

        return reExecuted ? Page() : NotFound();
    }
}

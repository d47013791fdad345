using Cake.Common.Diagnostics;
using Cake.Core;

namespace Build.Terraform;

/// <summary>
/// While terraform applies, the first Ctrl-C is left to terraform (the terminal sends it to the whole process
/// group) and this process keeps waiting, so terraform can save state and release the lock; a second Ctrl-C
/// stops the build at once.
/// </summary>
public sealed class InterruptForwarding : IDisposable
{
    private readonly ICakeContext _context;
    private int _interrupts;

    public InterruptForwarding(ICakeContext context)
    {
        _context = context;
        Console.CancelKeyPress += OnCancel;
    }

    public void Dispose() => Console.CancelKeyPress -= OnCancel;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref _interrupts) == 1)
        {
            e.Cancel = true;
            _context.Warning("Interrupt: terraform is stopping gracefully to save state and release the lock; press Ctrl-C again to abort at once.");
        }
    }
}

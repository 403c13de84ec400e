namespace Vigil.Server.Features.Notifications.Dispatch;

/// <summary>
/// Tells this process's dispatcher to look at the outbox now rather than at its next poll: after a commit that made a
/// message due (send again, a new event). Wakes coalesce; a dispatcher in another process still finds the message at
/// its next poll.
/// </summary>
public sealed class DispatchWakeup
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken already and not yet looked: one look finds everything.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);
}

namespace Drivechain.Node.Rpc;

/// <summary>
/// Core's RPC work queue: at most <c>-rpcthreads</c> calls run at once and at most <c>-rpcworkqueue</c> more wait; a
/// call beyond that is refused at once (HTTP 503 "Work queue depth exceeded") instead of piling up.
/// </summary>
public sealed class RpcWorkQueue(int threads, int depth) : IDisposable
{
    private readonly SemaphoreSlim _threads = new(threads, threads);
    private int _admitted;

    /// <summary>Takes a place (running or waiting); false when the queue is full.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _admitted) <= threads + depth) return true;
        Interlocked.Decrement(ref _admitted);
        return false;
    }

    /// <summary>Waits for a thread after <see cref="TryEnter"/> succeeded.</summary>
    public Task WaitForThreadAsync(CancellationToken cancellationToken) => _threads.WaitAsync(cancellationToken);

    /// <summary>Gives back the thread (when it was obtained) and the place.</summary>
    public void Exit(bool hadThread)
    {
        if (hadThread) _threads.Release();
        Interlocked.Decrement(ref _admitted);
    }

    /// <summary>Releases the semaphore.</summary>
    public void Dispose() => _threads.Dispose();
}

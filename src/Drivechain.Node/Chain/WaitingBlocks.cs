using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Chain;

/// <summary>
/// Blocks read from files before their parent (files out of order, a reorg, Core's parallel download): each waits
/// under its parent's hash until that parent is submitted, then goes in, and so do its own waiting children.
/// Used by reindex and <c>-loadblock</c>.
/// </summary>
/// <typeparam name="T">What is kept per waiting block (the block, or the block and where its bytes are).</typeparam>
internal sealed class WaitingBlocks<T>(Func<T, UInt256> hashOf)
{
    private readonly Dictionary<UInt256, List<T>> _byParent = [];

    /// <summary>Blocks still waiting for their parent.</summary>
    public int Count { get; private set; }

    /// <summary>Parks <paramref name="item"/> until <paramref name="parent"/> is submitted.</summary>
    public void Add(UInt256 parent, T item)
    {
        if (!_byParent.TryGetValue(parent, out var children)) _byParent.Add(parent, children = []);
        children.Add(item);
        Count++;
    }

    /// <summary><paramref name="hash"/> was just submitted: submits every block waiting on it, recursively.</summary>
    public void Release(UInt256 hash, Action<T> submit)
    {
        if (Count == 0) return;
        var ready = new Queue<UInt256>();
        ready.Enqueue(hash);
        while (ready.Count > 0 && Count > 0)
        {
            if (!_byParent.Remove(ready.Dequeue(), out var children)) continue;
            foreach (var child in children)
            {
                Count--;
                submit(child);
                ready.Enqueue(hashOf(child));
            }
        }
    }
}

using System.Runtime.InteropServices;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

/// <summary>
/// The UTXO set as the chain sees it: an in-memory dictionary over an optional database (Core's
/// CCoinsViewCache). Without a database the dictionary is the whole set. With one, entries remember
/// whether they differ from the database (dirty) and whether the database has never seen them (fresh),
/// so a flush writes only what changed and a coin created and spent between flushes never reaches disk.
/// Single writer; the chain lock serialises access.
/// </summary>
internal sealed class CoinsCache : ICoinView
{
    private const byte Dirty = 1;
    private const byte Fresh = 2;

    private struct Entry
    {
        public Coin Coin;
        public bool Spent;
        public byte Flags;
    }

    private readonly ChainDatabase? _database;
    private readonly Dictionary<OutPoint, Entry> _entries;

    public CoinsCache(ChainDatabase? database, int capacity = 0)
    {
        _database = database;
        _entries = new Dictionary<OutPoint, Entry>(capacity);
    }

    /// <summary>Entries held in memory (coins and, with a database, spent markers).</summary>
    public int Count => _entries.Count;

    public bool TryGetCoin(in OutPoint outPoint, out Coin coin)
    {
        if (_entries.TryGetValue(outPoint, out var entry))
        {
            coin = entry.Coin;
            return !entry.Spent;
        }
        if (_database is not null && _database.TryReadCoin(outPoint, out var stored))
        {
            coin = new Coin(stored.Output, stored.Height, stored.IsCoinbase);
            _entries[outPoint] = new Entry { Coin = coin };
            return true;
        }
        coin = default;
        return false;
    }

    /// <summary>Adds a new coin (block connect, or undo of a spend).</summary>
    public void Add(in OutPoint outPoint, in Coin coin)
    {
        if (_database is null)
        {
            _entries[outPoint] = new Entry { Coin = coin };
            return;
        }
        // The database may hold the outpoint (a restored coin whose spend was flushed): never fresh,
        // unless the entry already was.
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, outPoint, out bool exists);
        byte flags = exists ? (byte)(Dirty | (entry.Flags & Fresh)) : Dirty;
        entry = new Entry { Coin = coin, Spent = false, Flags = flags };
    }

    /// <summary>Adds a coin created by a block being connected: its outpoint cannot be in the database.</summary>
    public void AddCreated(in OutPoint outPoint, in Coin coin)
    {
        if (_database is null)
        {
            _entries[outPoint] = new Entry { Coin = coin };
            return;
        }
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, outPoint, out bool exists);
        byte flags = exists && (entry.Flags & Fresh) == 0 ? Dirty : (byte)(Dirty | Fresh);
        entry = new Entry { Coin = coin, Spent = false, Flags = flags };
    }

    /// <summary>Removes a coin (spent by a block, or created by a block being disconnected).</summary>
    public void Spend(in OutPoint outPoint)
    {
        if (_database is null)
        {
            _entries.Remove(outPoint);
            return;
        }
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, outPoint);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
        {
            // Not loaded: the database may hold it; leave a spent marker so the flush deletes it.
            _entries[outPoint] = new Entry { Spent = true, Flags = Dirty };
            return;
        }
        if ((entry.Flags & Fresh) != 0)
        {
            _entries.Remove(outPoint);
            return;
        }
        entry.Spent = true;
        entry.Coin = default;
        entry.Flags = Dirty;
    }

    /// <summary>Writes every dirty entry into the open batch; afterwards the cache holds no dirty entries.</summary>
    public void WriteTo(ChainDatabase database)
    {
        foreach (var (outPoint, entry) in _entries)
        {
            if ((entry.Flags & Dirty) == 0) continue;
            if (entry.Spent) database.DeleteCoin(outPoint);
            else database.PutCoin(outPoint, new StoredCoin(entry.Coin.Output, entry.Coin.Height, entry.Coin.IsCoinbase));
        }
    }

    /// <summary>After a committed flush: forget spent markers, mark the rest clean, or drop everything.</summary>
    public void AfterFlush(bool clear)
    {
        if (clear)
        {
            _entries.Clear();
            _entries.TrimExcess();
            return;
        }
        var spent = new List<OutPoint>();
        foreach (var (outPoint, entry) in _entries)
            if (entry.Spent) spent.Add(outPoint);
        foreach (var outPoint in spent) _entries.Remove(outPoint);
        foreach (var key in _entries.Keys.ToList())
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, key);
            entry.Flags = 0;
        }
    }

    /// <summary>Every unspent coin held in memory (memory mode: the whole set).</summary>
    public IEnumerable<(OutPoint OutPoint, Coin Coin)> EnumerateInMemory()
    {
        foreach (var (outPoint, entry) in _entries)
            if (!entry.Spent) yield return (outPoint, entry.Coin);
    }
}

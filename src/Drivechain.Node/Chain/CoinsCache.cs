using System.Runtime.InteropServices;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

/// <summary>
/// The UTXO set as the chain sees it: an in-memory dictionary over an optional database (Core's
/// CCoinsViewCache). Without a database the dictionary is the whole set. With one, entries remember
/// whether they differ from the database (dirty) and whether the database has never seen them (fresh),
/// so a flush writes only what changed and a coin created and spent between flushes never reaches disk.
/// With a database, a coin created by a block gets its own copy of its script (a parsed script shares its block's buffer,
/// which would otherwise stay in memory as long as any of its outputs is unspent), and <see cref="UsageBytes"/> estimates
/// the memory the cache holds, as Core's DynamicMemoryUsage, so the chain can flush by <c>-dbcache</c>.
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

    /// <summary>Estimated bytes of one dictionary slot: key (36), entry (24), hash and next (8), bucket (4), rounded up.</summary>
    internal const int SlotBytes = 80;

    /// <summary>Estimated bytes a coin holds beyond its slot: the output object (32) and its script array's header (24).</summary>
    internal const int CoinObjectBytes = 56;

    private readonly ChainDatabase? _database;
    private readonly Dictionary<OutPoint, Entry> _entries;
    private long _coinBytes;   // CoinBytes of every unspent entry

    public CoinsCache(ChainDatabase? database, int capacity = 0)
    {
        _database = database;
        _entries = new Dictionary<OutPoint, Entry>(capacity);
    }

    /// <summary>Entries held in memory (coins and, with a database, spent markers).</summary>
    public int Count => _entries.Count;

    /// <summary>Estimated memory held by the cache in bytes: its slots (by capacity, as they are allocated) and its coins.</summary>
    public long UsageBytes => (long)_entries.Capacity * SlotBytes + _coinBytes;

    /// <summary>Estimated bytes of a coin outside its dictionary slot (its script rounded up to 8).</summary>
    internal static long CoinBytes(in Coin coin) => CoinObjectBytes + ((coin.Output.ScriptPubKey.Length + 7) & ~7);

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
            _coinBytes += CoinBytes(coin);
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
        Replace(ref entry, exists, coin, flags);
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
        var output = coin.Output;
        var own = new Coin(new TxOut(output.Value, Script.CopyOf(output.ScriptPubKey.Span)), coin.Height, coin.IsCoinbase);
        Replace(ref entry, exists, own, flags);
    }

    private void Replace(ref Entry entry, bool exists, in Coin coin, byte flags)
    {
        if (exists && !entry.Spent) _coinBytes -= CoinBytes(entry.Coin);
        entry = new Entry { Coin = coin, Spent = false, Flags = flags };
        _coinBytes += CoinBytes(coin);
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
        if (!entry.Spent) _coinBytes -= CoinBytes(entry.Coin);
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
            _coinBytes = 0;
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

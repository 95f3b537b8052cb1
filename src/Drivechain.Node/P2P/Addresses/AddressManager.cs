using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// The address manager (Core's AddrMan, simplified; docs/p2p.md#addresses). Addresses heard of go into one of
/// <see cref="NewBucketCount"/> "new" buckets chosen by a secret key, the address's network group and the group of
/// the peer that told us (so one source can fill at most <see cref="NewBucketsPerSourceGroup"/> buckets); addresses we
/// connected to move to one of <see cref="TriedBucketCount"/> "tried" buckets chosen by the key and their own group
/// (at most <see cref="TriedBucketsPerGroup"/> per group). Each bucket has <see cref="BucketSize"/> slots; a taken slot
/// is only given up by a terrible entry. A tried-table collision waits for a test of the old
/// entry (Core's test-before-evict). Simplifications against Core: an address sits in one new bucket (Core: up to 8), no asmap, and a random pick draws an entry
/// uniformly from the chosen table then accepts it with Core's chance (recent tries and failures lower it).
/// Thread-safe.
/// </summary>
public sealed partial class AddressManager
{
    public const int NewBucketCount = 1024;
    public const int TriedBucketCount = 256;
    public const int BucketSize = 64;
    public const int NewBucketsPerSourceGroup = 64;
    public const int TriedBucketsPerGroup = 8;

    private readonly Lock _lock = new();
    private readonly Dictionary<IPEndPoint, AddressEntry> _entries = [];
    private readonly AddressEntry?[] _new = new AddressEntry?[NewBucketCount * BucketSize];
    private readonly AddressEntry?[] _tried = new AddressEntry?[TriedBucketCount * BucketSize];
    private readonly List<AddressEntry> _newList = [];
    private readonly List<AddressEntry> _triedList = [];
    private readonly TimeProvider _clock;
    private readonly bool _localAllowed;
    private byte[] _key = RandomNumberGenerator.GetBytes(32);
    private DateTimeOffset _lastGood = DateTimeOffset.FromUnixTimeSeconds(1);

    /// <param name="clock">The time source.</param>
    /// <param name="localAllowed">Admit local and private addresses, each end point its own group (regtest only).</param>
    public AddressManager(TimeProvider clock, bool localAllowed)
    {
        _clock = clock;
        _localAllowed = localAllowed;
    }

    /// <summary>All known addresses.</summary>
    public int Count { get { lock (_lock) return _entries.Count; } }

    /// <summary>Addresses in the new table.</summary>
    public int NewCount { get { lock (_lock) return _newList.Count; } }

    /// <summary>Addresses in the tried table.</summary>
    public int TriedCount { get { lock (_lock) return _triedList.Count; } }

    /// <summary>Whether <paramref name="address"/> may enter the manager (routable, or any address on regtest).</summary>
    public bool Accepts(IPAddress address) => _localAllowed || NetGroup.IsRoutable(address);

    /// <summary>The network group of <paramref name="endPoint"/> as this manager sees it.</summary>
    public byte[] GroupOf(IPEndPoint endPoint) => NetGroup.Of(endPoint, _localAllowed);

    /// <summary>Whether the manager knows <paramref name="endPoint"/>, and in which table.</summary>
    public bool? IsTried(IPEndPoint endPoint)
    {
        lock (_lock) return _entries.TryGetValue(PeerAddress.Normalize(endPoint), out var e) ? e.InTried : null;
    }

    /// <summary>When a connection to <paramref name="endPoint"/> last succeeded (null: unknown address or never).</summary>
    public DateTimeOffset? LastSuccess(IPEndPoint endPoint)
    {
        lock (_lock)
            return _entries.TryGetValue(PeerAddress.Normalize(endPoint), out var e) && e.LastSuccess != default ? e.LastSuccess : null;
    }

    /// <summary>Adds addresses heard from <paramref name="source"/>, their time lowered by <paramref name="timePenalty"/>; returns how many are new.</summary>
    public int Add(IEnumerable<PeerAddress> addresses, IPAddress source, TimeSpan timePenalty)
    {
        var added = 0;
        lock (_lock)
            foreach (var address in addresses)
                if (AddLocked(address, source, timePenalty)) added++;
        return added;
    }

    /// <summary>Core's ADDRMAN_SET_TRIED_COLLISION_SIZE: tried-table collisions waiting for a test at most.</summary>
    public const int MaxTriedCollisions = 10;

    /// <summary>Core's ADDRMAN_REPLACEMENT: a tried entry that connected (or was tested) this recently is not replaced.</summary>
    public static readonly TimeSpan ReplacementWindow = TimeSpan.FromHours(4);

    /// <summary>Core's ADDRMAN_TEST_WINDOW: a collision not resolved by a test within this time replaces the old entry.</summary>
    public static readonly TimeSpan TestWindow = TimeSpan.FromMinutes(40);

    private readonly HashSet<IPEndPoint> _triedCollisions = [];

    /// <summary>
    /// Core's AddrMan::Good with test-before-evict: a connection to <paramref name="endPoint"/> succeeded, so it moves to the
    /// tried table; when its tried slot holds another address, it stays in new and the collision waits for
    /// <see cref="ResolveCollisions"/> (a feeler tests the old address first). False when unknown or not (yet) moved.
    /// </summary>
    public bool Good(IPEndPoint endPoint)
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(PeerAddress.Normalize(endPoint), out var entry)) return false;
            _lastGood = now;
            entry.LastSuccess = now;
            entry.LastTry = now;
            entry.Attempts = 0;
            if (entry.InTried) return true;
            var (bucket, position) = TriedSlotOf(entry.EndPoint);
            if (_tried[bucket * BucketSize + position] is not null)
            {
                if (_triedCollisions.Count < MaxTriedCollisions) _triedCollisions.Add(entry.EndPoint);
                return false;
            }
            MakeTried(entry);
            return true;
        }
    }

    /// <summary>Tried-table collisions waiting to be resolved.</summary>
    public int TriedCollisionCount { get { lock (_lock) return _triedCollisions.Count; } }

    /// <summary>
    /// Core's AddrMan::SelectTriedCollision: for a feeler, the address now in the tried slot a waiting address wants (to test
    /// whether it is still up), with when it was last tried; null when there is no collision.
    /// </summary>
    public (PeerAddress Address, DateTimeOffset LastTry)? SelectTriedCollision(Random random)
    {
        lock (_lock)
        {
            if (_triedCollisions.Count == 0) return null;
            var waiting = _triedCollisions.ElementAt(random.Next(_triedCollisions.Count));
            if (!_entries.TryGetValue(waiting, out var entry))
            {
                _triedCollisions.Remove(waiting);
                return null;
            }
            var (bucket, position) = TriedSlotOf(entry.EndPoint);
            return _tried[bucket * BucketSize + position] is { } old ? (old.ToAddress(), old.LastTry) : null;
        }
    }

    /// <summary>
    /// Core's AddrMan::ResolveCollisions: each waiting address replaces the tried entry in its slot when that entry has not
    /// connected within <see cref="ReplacementWindow"/> and was tested (tried) more than a minute ago without success, or when
    /// the collision has waited longer than <see cref="TestWindow"/>; it is dropped when the old entry connected recently; a
    /// slot that emptied meanwhile is simply taken.
    /// </summary>
    public void ResolveCollisions()
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            foreach (var waiting in _triedCollisions.ToList())
            {
                var resolved = true;
                if (_entries.TryGetValue(waiting, out var entry) && !entry.InTried)
                {
                    var (bucket, position) = TriedSlotOf(entry.EndPoint);
                    if (_tried[bucket * BucketSize + position] is not { } old) MakeTried(entry);
                    else if (now - old.LastSuccess < ReplacementWindow) { }   // the old address is up: keep it
                    else if (now - old.LastTry < ReplacementWindow)
                    {
                        if (now - old.LastTry > TimeSpan.FromMinutes(1)) MakeTried(entry);   // tested and not connected within a minute
                        else resolved = false;                                                // give its test a minute
                    }
                    else if (now - entry.LastSuccess > TestWindow) MakeTried(entry);          // never tested in time: evict the old one
                    else resolved = false;
                }
                if (resolved) _triedCollisions.Remove(waiting);
            }
        }
    }

    /// <summary>Core's AddrMan::Attempt: a connection to <paramref name="endPoint"/> is being tried (a failure counts once per success elsewhere).</summary>
    public void Attempt(IPEndPoint endPoint, bool countFailure)
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(PeerAddress.Normalize(endPoint), out var entry)) return;
            entry.LastTry = now;
            if (countFailure && entry.LastCountAttempt < _lastGood)
            {
                entry.LastCountAttempt = now;
                entry.Attempts++;
            }
        }
    }

    /// <summary>Core's AddrMan::Connected: the peer at <paramref name="endPoint"/> was seen connected (its time refreshed every 20 minutes).</summary>
    public void Connected(IPEndPoint endPoint)
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
            if (_entries.TryGetValue(PeerAddress.Normalize(endPoint), out var entry) && now - entry.Time > TimeSpan.FromMinutes(20))
                entry.Time = now;
    }

    /// <summary>
    /// Core's AddrMan::Select: a random address to connect to (tried or new with equal odds, or new only), weighted by
    /// its chance; null when the tables are empty. Returns when it was last tried, for the caller's own filters.
    /// </summary>
    public (PeerAddress Address, DateTimeOffset LastTry)? Select(bool newOnly, Random random)
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (_newList.Count == 0 && (newOnly || _triedList.Count == 0)) return null;
            var useTried = !newOnly && _triedList.Count > 0 && (_newList.Count == 0 || random.Next(2) == 0);
            var list = useTried ? _triedList : _newList;
            var factor = 1.0;
            for (var i = 0; i < 10_000; i++)
            {
                var entry = list[random.Next(list.Count)];
                if (random.NextDouble() < factor * entry.Chance(now)) return (entry.ToAddress(), entry.LastTry);
                factor *= 1.2;
            }
            return null;
        }
    }

    /// <summary>
    /// Core's AddrMan::GetAddr: up to <paramref name="maxAddresses"/> (0: no limit) and <paramref name="maxPercent"/> % (0: no
    /// limit) of the known addresses, at random, terrible ones left out, optionally of one network (<c>ipv4</c>, <c>ipv6</c>).
    /// </summary>
    public List<PeerAddress> GetAddresses(int maxAddresses, int maxPercent, string? network, Random random)
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            var all = _entries.Values.ToArray();
            var wanted = all.Length;
            if (maxPercent != 0) wanted = maxPercent * wanted / 100;
            if (maxAddresses != 0) wanted = Math.Min(wanted, maxAddresses);
            random.Shuffle(all);
            var result = new List<PeerAddress>(wanted);
            foreach (var entry in all)
            {
                if (result.Count >= wanted) break;
                var address = entry.ToAddress();
                if ((network is not null && address.Network != network) || entry.IsTerrible(now)) continue;
                result.Add(address);
            }
            return result;
        }
    }

    /// <summary>Core's getrawaddrman: every entry with its table, bucket and position, and the address it was heard from.</summary>
    public List<(bool Tried, int Bucket, int Position, PeerAddress Address, IPAddress Source)> RawEntries()
    {
        lock (_lock)
            return [.. _entries.Values.OrderBy(e => e.Bucket).ThenBy(e => e.Position).Select(e => (e.InTried, e.Bucket, e.Position, e.ToAddress(), e.Source))];
    }

    private bool AddLocked(PeerAddress address, IPAddress source, TimeSpan timePenalty)
    {
        var endPoint = PeerAddress.Normalize(address.EndPoint);
        if (!Accepts(endPoint.Address) || endPoint.Port == 0) return false;
        source = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        if (endPoint.Address.Equals(source)) timePenalty = TimeSpan.Zero;   // no penalty for a source's self-announcement
        var time = address.Time - timePenalty;
        if (time < DateTimeOffset.UnixEpoch) time = DateTimeOffset.UnixEpoch;
        if (_entries.TryGetValue(endPoint, out var known))
        {
            var online = _clock.GetUtcNow() - address.Time < TimeSpan.FromHours(24);
            var interval = online ? TimeSpan.FromHours(1) : TimeSpan.FromHours(24);
            if (known.Time < address.Time - interval - timePenalty) known.Time = time;
            known.Services |= address.Services;
            return false;
        }
        var entry = new AddressEntry(endPoint, source) { Services = address.Services, Time = time };
        if (!PlaceNew(entry)) return false;
        _entries[endPoint] = entry;
        return true;
    }

    /// <summary>Puts <paramref name="entry"/> into its new bucket; false when the slot holds an entry that is not terrible.</summary>
    private bool PlaceNew(AddressEntry entry)
    {
        var bucket = NewBucket(entry.EndPoint, entry.Source);
        var slot = bucket * BucketSize + Position(isNew: true, bucket, entry.EndPoint);
        if (_new[slot] is { } occupant)
        {
            if (!occupant.IsTerrible(_clock.GetUtcNow())) return false;
            Remove(occupant);
        }
        _new[slot] = entry;
        entry.InTried = false;
        entry.Bucket = bucket;
        entry.Position = slot % BucketSize;
        AddToList(_newList, entry);
        return true;
    }

    /// <summary>Moves a new entry (or one being loaded) to its tried slot; a previous occupant goes back to new (or is dropped when its new slot is taken).</summary>
    private void MakeTried(AddressEntry entry)
    {
        if (entry.ListIndex >= 0)
        {
            _new[entry.Bucket * BucketSize + entry.Position] = null;
            RemoveFromList(_newList, entry);
        }
        var (bucket, position) = TriedSlotOf(entry.EndPoint);
        var slot = bucket * BucketSize + position;
        if (_tried[slot] is { } occupant)
        {
            _tried[slot] = null;
            RemoveFromList(_triedList, occupant);
            if (!PlaceNew(occupant)) _entries.Remove(occupant.EndPoint);
        }
        _tried[slot] = entry;
        entry.InTried = true;
        entry.Bucket = bucket;
        entry.Position = slot % BucketSize;
        AddToList(_triedList, entry);
    }

    private void Remove(AddressEntry entry)
    {
        (entry.InTried ? _tried : _new)[entry.Bucket * BucketSize + entry.Position] = null;
        RemoveFromList(entry.InTried ? _triedList : _newList, entry);
        _entries.Remove(entry.EndPoint);
    }

    private static void AddToList(List<AddressEntry> list, AddressEntry entry)
    {
        entry.ListIndex = list.Count;
        list.Add(entry);
    }

    private static void RemoveFromList(List<AddressEntry> list, AddressEntry entry)
    {
        var last = list[^1];
        list[entry.ListIndex] = last;
        last.ListIndex = entry.ListIndex;
        list.RemoveAt(list.Count - 1);
        entry.ListIndex = -1;
    }

    /// <summary>Core's GetNewBucket: hash(key, group, source group) picks one of 64 buckets per source group, hash(key, source group, that) the bucket.</summary>
    private int NewBucket(IPEndPoint endPoint, IPAddress source)
    {
        var sourceGroup = NetGroup.Of(new IPEndPoint(source, 0), _localAllowed);
        var first = Hash([.. GroupOf(endPoint), 0, .. sourceGroup]) % NewBucketsPerSourceGroup;
        return (int)(Hash([.. sourceGroup, 1, .. BitConverter.GetBytes(first)]) % NewBucketCount);
    }

    /// <summary>The tried bucket and position of <paramref name="endPoint"/>.</summary>
    internal (int Bucket, int Position) TriedSlotOf(IPEndPoint endPoint)
    {
        var bucket = TriedBucket(endPoint);
        return (bucket, Position(isNew: false, bucket, endPoint));
    }

    /// <summary>Core's GetTriedBucket: hash(key, address) picks one of 8 buckets per group, hash(key, group, that) the bucket.</summary>
    private int TriedBucket(IPEndPoint endPoint)
    {
        var first = Hash(KeyOf(endPoint)) % TriedBucketsPerGroup;
        return (int)(Hash([.. GroupOf(endPoint), 2, .. BitConverter.GetBytes(first)]) % TriedBucketCount);
    }

    /// <summary>Core's GetBucketPosition: hash(key, 'N' or 'K', bucket, address).</summary>
    private int Position(bool isNew, int bucket, IPEndPoint endPoint) =>
        (int)(Hash([isNew ? (byte)'N' : (byte)'K', .. BitConverter.GetBytes(bucket), .. KeyOf(endPoint)]) % BucketSize);

    private static byte[] KeyOf(IPEndPoint endPoint) =>
        [.. endPoint.Address.MapToIPv6().GetAddressBytes(), (byte)(endPoint.Port >> 8), (byte)endPoint.Port];

    private ulong Hash(byte[] data)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData([.. _key, .. data], digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}

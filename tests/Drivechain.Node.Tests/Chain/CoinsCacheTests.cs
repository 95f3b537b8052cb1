using System.Runtime.InteropServices;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Chain;
using Drivechain.Node.Storage;
using Drivechain.Node.Tests.Storage;

namespace Drivechain.Node.Tests.Chain;

public sealed class CoinsCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ChainDatabase _database;
    private readonly CoinsCache _cache;

    public CoinsCacheTests()
    {
        _database = ChainDatabase.Open(Path.Combine(_dir.Path, "c.sqlite"));
        _cache = new CoinsCache(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }

    private static OutPoint Point(byte n) => new(new UInt256(Enumerable.Repeat(n, 32).ToArray()), n);

    private static Coin CoinSlicing(byte[] blockBuffer, int offset, int length) =>
        new(new TxOut(new Money(1000), new Script(blockBuffer.AsMemory(offset, length))), 5, IsCoinbase: false);

    [Fact]
    public void A_created_coin_keeps_its_own_copy_of_the_script_not_the_block_buffer()
    {
        var (cache, database) = (_cache, _database);
        var blockBuffer = new byte[100_000];
        blockBuffer[500] = 0x51;

        cache.AddCreated(Point(1), CoinSlicing(blockBuffer, 500, 22));

        cache.TryGetCoin(Point(1), out var cached).Should().BeTrue();
        MemoryMarshal.TryGetArray(cached.Output.ScriptPubKey.Memory, out var segment).Should().BeTrue();
        segment.Array.Should().NotBeSameAs(blockBuffer);
        segment.Array!.Length.Should().Be(22);
        cached.Output.ScriptPubKey.Span.ToArray().Should().Equal(blockBuffer.AsSpan(500, 22).ToArray());
    }

    [Fact]
    public void Usage_grows_with_coins_shrinks_when_fresh_coins_are_spent_and_is_released_by_a_clearing_flush()
    {
        var (cache, database) = (_cache, _database);
        var buffer = new byte[1000];
        long empty = cache.UsageBytes;

        for (byte i = 1; i <= 100; i++) cache.AddCreated(Point(i), CoinSlicing(buffer, i, 100));
        long full = cache.UsageBytes;
        for (byte i = 1; i <= 50; i++) cache.Spend(Point(i));
        long half = cache.UsageBytes;
        database.BeginBatch();
        cache.WriteTo(database);
        database.CommitBatch();
        cache.AfterFlush(clear: true);

        full.Should().BeGreaterThanOrEqualTo(empty + 100 * (CoinsCache.SlotBytes + CoinsCache.CoinObjectBytes + 104));
        half.Should().Be(full - 50 * (CoinsCache.CoinObjectBytes + 104), "the dictionary keeps its slots, the spent coins are gone");
        cache.UsageBytes.Should().BeLessThan(8 * CoinsCache.SlotBytes, "only an empty dictionary's few slots remain");
        cache.TryGetCoin(Point(51), out var reloaded).Should().BeTrue("the flushed coin is read back from the database");
        cache.UsageBytes.Should().BeGreaterThan(0);
        reloaded.Output.ScriptPubKey.Length.Should().Be(100);
    }
}

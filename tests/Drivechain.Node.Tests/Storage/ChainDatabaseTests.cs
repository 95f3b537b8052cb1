using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Tests.Storage;

public sealed class ChainDatabaseTests
{
    private static readonly OutPoint Outpoint = new(new UInt256(0xabcdef, 1, 2, 3), 5);

    [Fact]
    public void A_coin_written_in_a_batch_reads_back_and_is_gone_after_delete()
    {
        using var dir = new TempDirectory();
        using var db = ChainDatabase.Open(Path.Combine(dir.Path, "c.sqlite"));
        var coin = new StoredCoin(new TxOut(new Money(12345), Script.FromHex("0014" + new string('a', 40))), 77, IsCoinbase: true);

        db.BeginBatch();
        db.PutCoin(Outpoint, coin);
        db.CommitBatch();

        db.TryReadCoin(Outpoint, out var read).Should().BeTrue();
        read.Should().BeEquivalentTo(coin, o => o.ComparingByMembers<StoredCoin>().ComparingByValue<Script>());
        db.BeginBatch();
        db.DeleteCoin(Outpoint);
        db.CommitBatch();
        db.TryReadCoin(Outpoint, out _).Should().BeFalse();
    }

    [Fact]
    public void A_rolled_back_batch_leaves_nothing()
    {
        using var dir = new TempDirectory();
        using var db = ChainDatabase.Open(Path.Combine(dir.Path, "c.sqlite"));

        db.BeginBatch();
        db.PutCoin(Outpoint, new StoredCoin(new TxOut(new Money(1), Script.Empty), 1, false));
        db.PutMeta("k", [1]);
        db.RollbackBatch();

        db.TryReadCoin(Outpoint, out _).Should().BeFalse();
        db.ReadMeta("k").Should().BeNull();
    }

    [Fact]
    public void Writes_outside_a_batch_are_a_bug()
    {
        using var dir = new TempDirectory();
        using var db = ChainDatabase.Open(Path.Combine(dir.Path, "c.sqlite"));

        var act = () => db.PutMeta("k", [1]);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Undo_data_and_meta_survive_reopening()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "c.sqlite");
        var hash = new UInt256(99);
        using (var db = ChainDatabase.Open(path))
        {
            db.BeginBatch();
            db.PutUndo(hash, [1, 2], [3]);
            db.PutMeta("best", [7, 7]);
            db.CommitBatch();
        }
        using var reopened = ChainDatabase.Open(path);

        reopened.TryReadUndo(hash, out var baseUndo, out var drivechainUndo).Should().BeTrue();
        baseUndo.Should().Equal(1, 2);
        drivechainUndo.Should().Equal(3);
        reopened.ReadMeta("best").Should().Equal(7, 7);
    }

    [Fact]
    public void Coins_enumerate_in_outpoint_order()
    {
        using var dir = new TempDirectory();
        using var db = ChainDatabase.Open(Path.Combine(dir.Path, "c.sqlite"));
        var points = new[] { new OutPoint(new UInt256(2), 1), new OutPoint(new UInt256(1), 300), new OutPoint(new UInt256(1), 2) };
        db.BeginBatch();
        foreach (var p in points) db.PutCoin(p, new StoredCoin(new TxOut(new Money(1), Script.Empty), 1, false));
        db.CommitBatch();

        db.EnumerateCoins().Select(c => c.OutPoint).Should().Equal(points[2], points[1], points[0]);
        db.CountCoins().Should().Be(3);
    }
}

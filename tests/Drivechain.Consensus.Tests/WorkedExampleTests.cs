using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Consensus.Tests.Messages;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests;

/// <summary>Spec §9.3, §9.5 and §9.6 connected as blocks (the byte-level parts are in Messages/).</summary>
public class WorkedExampleTests
{
    private static readonly M6Id F3564e76 = new(UInt256.FromInternalHex("f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b"));
    private static readonly OutPoint Ctip1111 = new(UInt256.FromInternalHex(new string('1', 64)), 0);
    private static readonly UInt256 RegtestGenesis = UInt256.Parse("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");
    private readonly DrivechainValidator _validator = new(DrivechainParams.Short);

    private static DrivechainState Section93State(ushort acks) =>
        new DrivechainStateBuilder().Active(1).Ctip(1, Ctip1111, 100_000_000).Bundles(1, (F3564e76, acks)).Build();

    [Fact]
    public void Section_9_3_the_M6_pays_the_bundle_and_moves_the_ctip()
    {
        var m6 = Transaction.Parse(M6IdTests.M6Hex);
        var block = new DrivechainBlockBuilder(Ids.Hash("p", 5), 5).WithTransaction(m6).Build();
        var accepted = _validator.Connect(Section93State(acks: 6), block, 5).ShouldBeAccepted();
        accepted.State.GetCtip(1).Should().Be(new Ctip(new OutPoint(m6.TxId, 0), new Money(69_990_000)));
        accepted.State.GetPendingBundles(1).Should().BeEmpty();
        _validator.Connect(Section93State(acks: 5), block, 5).ShouldBeRejected(RejectCode.M6InsufficientVotes);
    }

    [Fact]
    public void Section_9_3_the_M3_proposes_the_M6ID()
    {
        var state = new DrivechainStateBuilder().Active(1).Build();
        var block = new DrivechainBlockBuilder(Ids.Hash("p", 5), 5)
            .WithCoinbaseOutputHex("6a25d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b").Build();
        _validator.Connect(state, block, 5).ShouldBeAccepted().State.GetPendingBundles(1)
            .Should().Equal(new PendingBundle(F3564e76, 1, 5));
    }

    [Fact]
    public void Section_9_5_a_deposit_of_5000000_on_a_69990000_treasury()
    {
        var m6 = Transaction.Parse(M6IdTests.M6Hex);
        var afterM6 = _validator.Connect(Section93State(6), new DrivechainBlockBuilder(Ids.Hash("p", 5), 5).WithTransaction(m6).Build(), 5)
            .ShouldBeAccepted().State;
        var deposit = new Transaction(2,
            [new TxIn(new OutPoint(m6.TxId, 0), Script.Empty), new TxIn(DrivechainTransactions.Funding(1), Script.Empty)],
            [new TxOut(new Money(1_000), DrivechainTransactions.PayoutScript(5)),
             new TxOut(new Money(74_990_000), Script.FromHex("b4010151")),
             new TxOut(Money.Zero, Script.FromHex("6a1073696465636861696e2d616464722d31"))], 0);
        var accepted = _validator.Connect(afterM6, new DrivechainBlockBuilder(Ids.Hash("p", 6), 6).WithTransaction(deposit).Build(), 6)
            .ShouldBeAccepted();
        accepted.State.GetCtip(1).Should().Be(new Ctip(new OutPoint(deposit.TxId, 1), new Money(74_990_000)));
        var e = accepted.Events.OfType<DrivechainEvent.DepositReceived>().Should().ContainSingle().Subject;
        (e.Seq, e.Value.Satoshis).Should().Be((2, 5_000_000L));
        System.Text.Encoding.ASCII.GetString(e.Address.AsSpan()).Should().Be("sidechain-addr-1");
    }

    [Fact]
    public void Section_9_6_M7_and_M8_on_the_regtest_genesis()
    {
        var h = UInt256.FromInternalHex("33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2");
        var m8Tx = new Transaction(2, [new TxIn(DrivechainTransactions.Funding(2), Script.Empty)],
            [new TxOut(Money.Zero, Script.FromHex("6a4400bf0001" + h.ToInternalHex() + "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f"))], 0);
        var block = new DrivechainBlockBuilder(RegtestGenesis, 1)
            .WithCoinbaseOutputHex("6a25d161736801" + h.ToInternalHex()).WithTransaction(m8Tx).Build();
        _validator.Connect(DrivechainState.Empty, block, 1).ShouldBeAccepted().State.BmmAccepts
            .Should().Equal(new BmmAccept(1, h));
        var elsewhere = new DrivechainBlockBuilder(Ids.Hash("other", 1), 1)
            .WithCoinbaseOutputHex("6a25d161736801" + h.ToInternalHex()).WithTransaction(m8Tx).Build();
        _validator.Connect(DrivechainState.Empty, elsewhere, 1).ShouldBeRejected(RejectCode.M8PrevBlockMismatch);
    }
}

using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Rules;

public class M8BmmRequestRuleTests
{
    private readonly ChainBuilder _chain = new ChainBuilder(DrivechainParams.Short).MineEmpty(2);

    [Fact]
    public void An_M8_with_its_M7_naming_the_parent_is_valid_even_for_an_inactive_slot()
    {
        var m8 = DrivechainTransactions.BmmRequest(9, Ids.SidechainBlock(1), _chain.TipHash, _chain.NextFunding());
        var state = _chain.TryMine(b => b.WithM7(9, Ids.SidechainBlock(1)).WithTransaction(m8)).ShouldBeAccepted().State;
        state.BmmAccepts.Should().Equal(new Consensus.State.BmmAccept(9, Ids.SidechainBlock(1)));
    }

    [Fact]
    public void An_M7_without_M8_is_valid()
    {
        _chain.TryMine(b => b.WithM7(3, Ids.SidechainBlock(1))).ShouldBeAccepted();
    }

    [Fact]
    public void An_M8_without_M7_is_M8_NOT_ACCEPTED()
    {
        var m8 = DrivechainTransactions.BmmRequest(1, Ids.SidechainBlock(1), _chain.TipHash, _chain.NextFunding());
        _chain.TryMine(b => b.WithTransaction(m8)).ShouldBeRejected(RejectCode.M8NotAccepted);
    }

    [Fact]
    public void An_M8_whose_commitment_differs_from_the_M7_is_M8_NOT_ACCEPTED()
    {
        var m8 = DrivechainTransactions.BmmRequest(1, Ids.SidechainBlock(1), _chain.TipHash, _chain.NextFunding());
        _chain.TryMine(b => b.WithM7(1, Ids.SidechainBlock(2)).WithTransaction(m8)).ShouldBeRejected(RejectCode.M8NotAccepted);
    }

    [Fact]
    public void An_M8_naming_another_block_is_M8_PREV_BLOCK_MISMATCH()
    {
        var m8 = DrivechainTransactions.BmmRequest(1, Ids.SidechainBlock(1), _chain.GenesisHash, _chain.NextFunding());
        _chain.TryMine(b => b.WithM7(1, Ids.SidechainBlock(1)).WithTransaction(m8)).ShouldBeRejected(RejectCode.M8PrevBlockMismatch);
    }

    [Fact]
    public void A_second_M8_for_a_slot_is_M8_DUPLICATE_SLOT_even_when_identical()
    {
        var a = DrivechainTransactions.BmmRequest(1, Ids.SidechainBlock(1), _chain.TipHash, _chain.NextFunding());
        var b2 = DrivechainTransactions.BmmRequest(1, Ids.SidechainBlock(1), _chain.TipHash, _chain.NextFunding());
        _chain.TryMine(b => b.WithM7(1, Ids.SidechainBlock(1)).WithTransaction(a).WithTransaction(b2)).ShouldBeRejected(RejectCode.M8DuplicateSlot);
    }

    [Fact]
    public void Mempool_requires_only_P_equal_to_the_tip()
    {
        var ok = DrivechainTransactions.BmmRequest(1, Ids.SidechainBlock(1), _chain.TipHash, _chain.NextFunding());
        var stale = DrivechainTransactions.BmmRequest(1, Ids.SidechainBlock(1), _chain.GenesisHash, _chain.NextFunding());
        _chain.Validator.CheckTransaction(_chain.State, _chain.TipHash, ok).Should().BeNull();
        _chain.Validator.CheckTransaction(_chain.State, _chain.TipHash, stale)!.CodeString.Should().Be("M8_PREV_BLOCK_MISMATCH");
    }
}

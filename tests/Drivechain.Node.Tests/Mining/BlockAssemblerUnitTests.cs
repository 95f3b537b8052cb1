using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain.Validation;

namespace Drivechain.Node.Tests.Mining;

/// <summary>The block assembler called directly (no host, no RPC).</summary>
public sealed class BlockAssemblerUnitTests : IDisposable
{
    private readonly InMemoryNode _node = new();
    private readonly List<Transaction> _coinbases;

    public BlockAssemblerUnitTests()
    {
        _coinbases = _node.MineToWallet(3);
        _node.Mine(100);
    }

    public void Dispose() => _node.Dispose();

    [Fact]
    public void A_template_takes_pool_transactions_by_fee_rate_and_pays_their_fees_to_the_coinbase()
    {
        var low = _node.Spend(_coinbases[0], fee: 1_000);
        var high = _node.Spend(_coinbases[1], fee: 50_000);
        _node.Mempool.Accept(low, testOnly: false).Accepted.Should().BeTrue();
        _node.Mempool.Accept(high, testOnly: false).Accepted.Should().BeTrue();

        var template = _node.Assembler.Create(InMemoryNode.AnyoneCanSpend);

        template.Height.Should().Be(_node.Chain.Height + 1);
        template.Block.Transactions.Skip(1).Select(t => t.TxId).Should().Equal(high.TxId, low.TxId);
        template.Fees.Should().Be(51_000);
        template.CoinbaseValue.Should().Be(_node.Chain.Network.GetBlockSubsidy(template.Height).Satoshis + 51_000);
        template.Block.Transactions[0].TotalOutputSatoshis.Should().Be(template.CoinbaseValue);
    }

    [Fact]
    public void A_template_carries_the_bits_the_pipeline_expects_and_passes_it()
    {
        var template = _node.Assembler.Create(InMemoryNode.AnyoneCanSpend);
        var tip = _node.Chain.Tip;

        template.Block.Header.Bits.Should().Be(BlockPipeline.ExpectedBits(_node.Chain.Network, tip, template.Block.Header.Time));
        template.Block.Header.PreviousBlockHash.Should().Be(tip.Hash);
        _node.Chain.TestBlockValidity(template.Block).Should().BeNull();
    }

    [Fact]
    public void Fixed_transactions_that_break_a_rule_are_refused_with_the_reason()
    {
        var spend = _node.Spend(_coinbases[0], fee: 1_000);
        var doubleSpend = _node.Spend(_coinbases[0], fee: 2_000);

        var build = () => _node.Assembler.Create(InMemoryNode.AnyoneCanSpend, [spend, doubleSpend]);

        build.Should().Throw<InvalidOperationException>().WithMessage("bad-txns-inputs-missingorspent");
    }
}

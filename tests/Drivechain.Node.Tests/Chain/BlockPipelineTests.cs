using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Validation;

namespace Drivechain.Node.Tests.Chain;

/// <summary>One block-validation pipeline: its order is pinned, and every entry point that judges a block runs all of it.</summary>
public sealed class BlockPipelineTests
{
    private static readonly string[] Order =
        ["check-block", "contextual-check-block-header", "contextual-check-block", "connect-block", "drivechain-connect"];

    private readonly List<string> _trace = [];

    private InMemoryNode NewNode() => new(new ChainManagerOptions { PipelineTrace = _trace.Add });

    [Fact]
    public void The_stages_run_in_this_order_and_their_phases_never_go_back()
    {
        BlockPipeline.Stages.Select(s => s.Name).Should().Equal(Order);
        BlockPipeline.Stages.Select(s => s.Phase).Should().BeInAscendingOrder();
        BlockPipeline.Stages.Where(s => s.IsDrivechain).Select(s => s.Name).Should().Equal("drivechain-connect");
    }

    [Fact]
    public void A_mined_block_is_judged_by_the_whole_list_as_a_template_and_again_when_it_connects()
    {
        using var node = NewNode();

        node.Mine(1);

        _trace.Should().Equal(Order.Concat(Order), "the assembler tests its template (TestBlockValidity), then the chain connects it");
    }

    [Fact]
    public async Task Getblocktemplate_proposals_and_generateblock_run_the_whole_list()
    {
        using var node = NewNode();
        node.Mine(1);
        var block = node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000, submit: false)!;
        _trace.Clear();

        var proposal = await node.RpcAsync("getblocktemplate", new JsonObject { ["mode"] = "proposal", ["data"] = Convert.ToHexString(block.ToBytes()) });
        var proposalTrace = _trace.ToList();
        _trace.Clear();
        var generated = await node.RpcAsync("generateblock", "raw(51)", new JsonArray());

        proposal["error"].Should().BeNull();
        proposal["result"].Should().BeNull("a valid proposal answers null");
        proposalTrace.Should().Equal(Order);
        generated["error"].Should().BeNull();
        _trace.Should().Equal(Order.Concat(Order));
    }

    [Fact]
    public void A_block_stops_at_the_stage_that_rejects_it_and_every_entry_point_gives_the_same_verdict()
    {
        using var node = NewNode();
        node.Mine(1);
        var good = node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000, submit: false)!;
        var coinbase = good.Transactions[0];
        var greedy = new Transaction(coinbase.Version, coinbase.Inputs,
            [coinbase.Outputs[0] with { Value = new Money(coinbase.Outputs[0].Value.Satoshis + 1) }, .. coinbase.Outputs[1..]], coinbase.LockTime);
        var overpaying = Mined(node, good.Header, [greedy, .. good.Transactions[1..]]);
        _trace.Clear();

        var tested = node.Chain.TestBlockValidity(overpaying, checkProofOfWork: true);
        var testedTrace = _trace.ToList();
        _trace.Clear();
        var submitted = node.Chain.SubmitBlock(overpaying);

        tested.Should().BeOfType<BlockRejection.BaseRule>().Which.Reason.Should().Be("bad-cb-amount");
        submitted.Should().BeOfType<SubmitOutcome.Rejected>().Which.Rejection.Should().Be(tested);
        testedTrace.Should().Equal(Order[..4]);
        _trace.Should().Equal(Order[..4]);
    }

    [Fact]
    public void Wrong_difficulty_bits_are_refused_alike_by_a_template_test_and_by_submission()
    {
        using var node = NewNode();
        node.Mine(1);
        var good = node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000, submit: false)!;
        var h = good.Header;
        var wrongBits = Mined(node, new BlockHeader(h.Version, h.PreviousBlockHash, h.MerkleRoot, h.Time, 0x207ffffe, 0), good.Transactions);

        var tested = node.Chain.TestBlockValidity(wrongBits, checkProofOfWork: true);
        var submitted = node.Chain.SubmitBlock(wrongBits);

        tested!.Reason.Should().Be("bad-diffbits");
        ((SubmitOutcome.Rejected)submitted).Rejection.Should().Be(tested);
    }

    // The header with a merkle root for the transactions and a nonce that meets regtest's target.
    private static Block Mined(InMemoryNode node, BlockHeader header, ImmutableArray<Transaction> transactions)
    {
        var root = new Block(header, transactions).ComputeMerkleRoot(out _);
        var withRoot = new BlockHeader(header.Version, header.PreviousBlockHash, root, header.Time, header.Bits, 0);
        for (uint nonce = 0; ; nonce++)
        {
            var candidate = withRoot.WithNonce(nonce);
            if (candidate.CheckProofOfWork(node.Chain.Network.PowLimit)) return new Block(candidate, transactions);
        }
    }
}

using Drivechain.Consensus.State;
using OurBlock = Drivechain.Bitcoin.Primitives.Block;

namespace Drivechain.Consensus.NBitcoin.Tests;

public sealed class NBitcoinDrivechainValidatorTests
{
    [Theory]
    [MemberData(nameof(PublicVectorBlocks.All), MemberType = typeof(PublicVectorBlocks))]
    public void NBitcoin_blocks_get_the_same_verdicts_states_and_undo_as_the_library_itself(string vector)
    {
        var network = global::NBitcoin.Network.RegTest;
        var adapter = new NBitcoinDrivechainValidator(network);
        var direct = new DrivechainValidator(DrivechainParams.ForNetwork("regtest"));
        var snapshot = DrivechainSnapshot.Empty;
        var state = DrivechainState.Empty;
        int height = 0, rejected = 0;

        foreach (var raw in PublicVectorBlocks.Blocks(PublicVectorBlocks.PathOf(vector)))
        {
            var verdict = adapter.Connect(snapshot, global::NBitcoin.Block.Load(raw, network), height + 1);
            var outcome = direct.Connect(state, OurBlock.Parse(raw), height + 1);

            verdict.Accepted.Should().Be(outcome is ConnectOutcome.Accepted);
            if (outcome is ConnectOutcome.Accepted accepted)
            {
                verdict.Undo.Should().Equal(accepted.Undo.ToBytes());
                adapter.Disconnect(verdict.State, verdict.Undo!).Digest.Should().Be(snapshot.Digest);
                state = accepted.State;
                snapshot = verdict.State;
                height++;
            }
            else
            {
                verdict.RejectCode.Should().Be(((ConnectOutcome.Rejected)outcome).Rejection.CodeString);
                verdict.State.Should().BeSameAs(snapshot);
                rejected++;
            }
            snapshot.Digest.ToString().Should().Be(state.ComputeDigest().ToString());
        }

        DrivechainSnapshot.Parse(snapshot.ToBytes()).Digest.Should().Be(snapshot.Digest);
        (height + rejected).Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_reject_vector_for_M8_reports_its_code_through_the_adapter()
    {
        var network = global::NBitcoin.Network.RegTest;
        var adapter = new NBitcoinDrivechainValidator(network);
        var snapshot = DrivechainSnapshot.Empty;
        var codes = new List<string>();
        int height = 0;
        foreach (var raw in PublicVectorBlocks.Blocks(PublicVectorBlocks.PathOf(Path.Combine("drivechain", "pub-reject-m8-not-accepted.json"))))
        {
            var verdict = adapter.Connect(snapshot, global::NBitcoin.Block.Load(raw, network), height + 1);
            if (verdict.Accepted) { snapshot = verdict.State; height++; }
            else codes.Add(verdict.RejectCode!);
        }

        codes.Should().Equal("M8_NOT_ACCEPTED");
    }

    [Fact]
    public void A_plain_transaction_passes_the_mempool_check()
    {
        var network = global::NBitcoin.Network.RegTest;
        var adapter = new NBitcoinDrivechainValidator(network);
        var tx = network.CreateTransaction();
        tx.Inputs.Add(new global::NBitcoin.OutPoint(global::NBitcoin.uint256.One, 0));
        tx.Outputs.Add(global::NBitcoin.Money.Coins(1), new global::NBitcoin.Key().GetScriptPubKey(global::NBitcoin.ScriptPubKeyType.Segwit));

        adapter.CheckTransaction(DrivechainSnapshot.Empty, network.GenesisHash, tx).Should().BeNull();
    }
}

using Drivechain.Consensus.Messages;
using Drivechain.Node.Grpc;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mining;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>The gRPC block-event index records blocks with drivechain content, and keeps nothing when the gRPC API is off.</summary>
public sealed class BlockEventIndexTests : IDisposable
{
    private readonly InMemoryNode _node = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_proposal_block_is_recorded_only_when_the_grpc_api_is_served(bool grpc)
    {
        var readiness = new NodeReadiness(NullLogger<NodeReadiness>.Instance);
        readiness.Transition(NodeState.Ready, "test");
        using var index = new BlockEventIndex(_node.Node, readiness, Options.Create(new NodeOptions { Grpc = grpc }),
            NullLogger<BlockEventIndex>.Instance);
        await index.StartAsync(CancellationToken.None);

        _node.Services.GetRequiredService<MinerPolicy>().QueueProposal(new M1ProposeSidechain(3, [.. "events"u8]));
        var block = _node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000)!;

        if (grpc)
        {
            await index.WaitCaughtUpAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            index.Get(block.Hash).Events.Should().ContainSingle().Which.Should().BeOfType<Drivechain.Consensus.DrivechainEvent.SidechainProposed>();
        }
        else
        {
            await Task.Delay(500);   // the served case records the block well within this
            index.Get(block.Hash).IsEmpty.Should().BeTrue("with --grpc 0 nothing is recorded");
        }
        await index.StopAsync(CancellationToken.None);
    }

    public void Dispose() => _node.Dispose();
}

using System.Runtime.CompilerServices;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Node.P2P.Sync;

namespace Drivechain.Node.Tests.P2P.Sync;

/// <summary>The header tree forgets a node once the chain stores its block, and still answers every ancestor.</summary>
public class HeaderTreeTests
{
    private static readonly BlockHeader GenesisHeader = new(1, UInt256.Zero, UInt256.Zero, 1_600_000_000, 0x207fffff, 0);

    [Fact]
    public void Forgotten_nodes_leave_the_tree_and_ancestors_are_found_through_the_chain()
    {
        var genesis = new BlockIndex(GenesisHeader, null, 0);
        var headers = HeadersPresyncTests.Chain(genesis.Hash, 300);
        var tree = new HeaderTree();
        tree.Add(headers[0], genesis);
        foreach (var header in headers.Skip(1)) tree.Add(header, null).Should().NotBeNull();
        var best = tree.Best!;

        // The chain stores the first 200 blocks, in order, as a sync does.
        var stored = new List<BlockIndex> { genesis };
        for (int i = 0; i < 200; i++)
        {
            stored.Add(new BlockIndex(headers[i], stored[^1], i + 1));
            tree.Forget(stored[^1]);
        }

        tree.Count.Should().Be(100);
        tree.Get(headers[199].Hash).Should().BeNull();
        tree.Get(headers[200].Hash)!.Height.Should().Be(201);
        for (int height = 0; height <= 300; height++)
            best.AncestorHash(height).Should().Be(height == 0 ? genesis.Hash : headers[height - 1].Hash, $"height {height}");

        // A header above the stored blocks joins the tree anchored on the chain, and knows its ancestors too.
        var fork = HeadersPresyncTests.Chain(headers[199].Hash, 1, salt: 7)[0];
        tree.Add(fork, null).Should().BeNull("its parent's node is forgotten: the chain's entry must be given");
        var forkNode = tree.Add(fork, stored[200])!;
        forkNode.Height.Should().Be(201);
        forkNode.AncestorHash(150).Should().Be(headers[149].Hash);
        tree.Best.Should().BeSameAs(best);
    }

    [Fact]
    public void A_forgotten_node_keeps_no_ancestor_node_alive()
    {
        var genesis = new BlockIndex(GenesisHeader, null, 0);
        var headers = HeadersPresyncTests.Chain(genesis.Hash, 64);
        var tree = new HeaderTree();
        var (first, top) = Build(tree, headers, genesis);

        var index = genesis;
        for (int i = 0; i < 63; i++)
        {
            index = new BlockIndex(headers[i], index, i + 1);
            tree.Forget(index);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        first.IsAlive.Should().BeFalse("the node of block 1 is held by nothing once blocks above it are stored");
        tree.Get(top.Hash).Should().NotBeNull();
        top.AncestorHash(1).Should().Be(headers[0].Hash);
    }

    // Adds the headers in a method of its own, so that no local of the test keeps the first node alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference First, HeaderNode Top) Build(HeaderTree tree, List<BlockHeader> headers, BlockIndex genesis)
    {
        var first = tree.Add(headers[0], genesis)!;
        HeaderNode top = first;
        foreach (var header in headers.Skip(1)) top = tree.Add(header, null)!;
        return (new WeakReference(first), top);
    }
}

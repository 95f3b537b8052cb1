using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;

namespace Drivechain.Testing.Chains;

/// <summary>A valid block made by the generator, with the model and wallet after it (so any block can be forked from).</summary>
public sealed class GeneratedBlock
{
    internal GeneratedBlock(Block block, int height, GeneratedBlock? parent, DrivechainModel model, DrivechainState state, Wallet wallet, long chainWork)
    {
        State = state;
        Block = block;
        Height = height;
        Parent = parent;
        Model = model;
        Wallet = wallet;
        ChainWork = chainWork;
    }

    /// <summary>The block.</summary>
    public Block Block { get; }

    /// <summary>Its hash.</summary>
    public UInt256 Hash => Block.Hash;

    /// <summary>Its height (genesis = 0).</summary>
    public int Height { get; }

    /// <summary>Its parent, null for genesis.</summary>
    public GeneratedBlock? Parent { get; }

    /// <summary>The drivechain state after it, as the generator sees it.</summary>
    public DrivechainModel Model { get; }

    /// <summary>The drivechain state after it, as the consensus library computes it (what vectors expect).</summary>
    public DrivechainState State { get; }

    /// <summary>The wallet after it.</summary>
    public Wallet Wallet { get; }

    /// <summary>Blocks from genesis (every regtest block has the same work).</summary>
    public long ChainWork { get; }

    /// <summary>The header time.</summary>
    public uint Time => Block.Header.Time;

    /// <summary>The median of the last 11 block times ending here (BIP113).</summary>
    public uint MedianTimePast
    {
        get
        {
            var times = new List<uint>(11);
            for (var b = this; b is not null && times.Count < 11; b = b.Parent) times.Add(b.Time);
            times.Sort();
            return times[times.Count / 2];
        }
    }
}

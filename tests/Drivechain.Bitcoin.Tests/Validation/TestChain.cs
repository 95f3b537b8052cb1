using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

/// <summary>
/// A regtest chain for validation tests: block times and hashes by height (real blocks or synthetic history), a coin
/// set, and the whole pipeline (CheckBlock → contextual checks → ConnectBlock → apply).
/// </summary>
internal sealed class TestChain : IChainHistory
{
    private static readonly Lazy<ISecp256k1> LazySecp = new(Secp256k1Provider.CreateDefault);
    private readonly List<uint> _times = [];
    private readonly List<UInt256> _hashes = [];
    private uint _fundingCounter;

    public TestChain(Network? network = null)
    {
        Network = network ?? Network.Regtest;
        _times.Add(Network.Genesis.Header.Time);
        _hashes.Add(Network.GenesisHash);
    }

    public static ISecp256k1 Secp => LazySecp.Value;
    public Network Network { get; }
    public MemoryCoinCache Coins { get; } = new();
    public int Height => _times.Count - 1;
    public uint TipTime => _times[^1];
    public UInt256 TipHash => _hashes[^1];

    public uint GetMedianTimePast(int height)
    {
        if (height < 0 || height > Height) throw new ArgumentOutOfRangeException(nameof(height), height, $"history has heights 0..{Height}");
        int first = Math.Max(0, height - ConsensusLimits.MedianTimeSpan + 1);
        return MedianTimePast.Compute(_times.GetRange(first, height - first + 1).ToArray());
    }

    public UInt256 GetBlockHash(int height) => _hashes[height];

    /// <summary>Appends synthetic blocks (no coins) <paramref name="spacing"/> seconds apart.</summary>
    public TestChain AddHistory(int count, uint spacing = 600)
    {
        for (int i = 0; i < count; i++)
        {
            _times.Add(TipTime + spacing);
            _hashes.Add(Hashes.Sha256d(BitConverter.GetBytes(_times.Count * 7919 + 1)));
        }
        return this;
    }

    /// <summary>Puts a coin straight into the coin set (as if created at <paramref name="height"/>).</summary>
    public OutPoint Fund(long satoshis, Script? scriptPubKey = null, int height = 1, bool coinbase = false)
    {
        var txid = Hashes.Sha256d(BitConverter.GetBytes(++_fundingCounter));
        var outPoint = new OutPoint(txid, 0);
        Coins.AddCoin(outPoint, new Coin(new TxOut(new Money(satoshis), scriptPubKey ?? TestTx.OpTrue), height, coinbase));
        return outPoint;
    }

    public TestBlockBuilder NextBlock() => new(this, Height + 1);

    /// <summary>ConnectBlock alone for the next height (the coin set is not changed).</summary>
    public ConnectBlockResult Connect(Block block, ScriptCheckMode mode = ScriptCheckMode.Sequential) =>
        BlockValidation.ConnectBlock(block, Height + 1, Coins, this, Network, Secp, mode);

    /// <summary>
    /// The whole pipeline for the next height; on success the delta is applied and the block becomes the tip.
    /// </summary>
    public BlockValidationError? Submit(Block block, ScriptCheckMode mode = ScriptCheckMode.Sequential, long? now = null)
    {
        int height = Height + 1;
        var error = BlockValidation.CheckBlock(block, Network)
            ?? BlockValidation.ContextualCheckBlockHeader(block.Header, height, Network.PowLimitBits, GetMedianTimePast(Height), TipTime,
                now ?? TipTime + 3600, Network)
            ?? BlockValidation.ContextualCheckBlock(block, height, GetMedianTimePast(Height), Network);
        if (error is not null) return error;
        var result = BlockValidation.ConnectBlock(block, height, Coins, this, Network, Secp, mode);
        if (result is ConnectBlockResult.Rejected rejected) return rejected.Error;
        ((ConnectBlockResult.Accepted)result).Delta.ApplyTo(Coins).Should().BeTrue("every spent coin was in the set");
        _times.Add(block.Header.Time);
        _hashes.Add(block.Hash);
        return null;
    }

    /// <summary>Mines and submits an empty block, which must be accepted; returns it.</summary>
    public Block MineEmpty()
    {
        var block = NextBlock().Build();
        Submit(block).Should().BeNull();
        return block;
    }
}

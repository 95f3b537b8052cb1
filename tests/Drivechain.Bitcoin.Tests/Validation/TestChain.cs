using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

/// <summary>
/// A regtest chain for validation tests: block times, bits and hashes by height (real blocks or synthetic history), a
/// coin set, and the base pipeline (<see cref="BaseBlockStages"/>, the node's own list without the drivechain stage)
/// followed by applying the coins delta.
/// </summary>
internal sealed class TestChain : IBlockParent, IChainHistory, IHeaderAncestry
{
    private static readonly Lazy<ISecp256k1> LazySecp = new(Secp256k1Provider.CreateDefault);
    private readonly List<uint> _times = [];
    private readonly List<UInt256> _hashes = [];
    private readonly List<uint> _bits = [];
    private uint _fundingCounter;

    public TestChain(Network? network = null)
    {
        Network = network ?? Network.Regtest;
        _times.Add(Network.Genesis.Header.Time);
        _hashes.Add(Network.GenesisHash);
        _bits.Add(Network.Genesis.Header.Bits);
    }

    public static ISecp256k1 Secp => LazySecp.Value;
    public Network Network { get; }
    public MemoryCoinCache Coins { get; } = new();
    public int Height => _times.Count - 1;
    public uint TipTime => _times[^1];
    public UInt256 TipHash => _hashes[^1];

    uint IBlockParent.Time => TipTime;

    IChainHistory IBlockParent.History => this;

    uint IBlockParent.GetMedianTimePast() => GetMedianTimePast(Height);

    uint IBlockParent.GetNextWorkRequired(uint time, Network network) =>
        network.GetNextWorkRequired(GetAncestor(Height), time, this);

    public PowHeader GetAncestor(int height) => new(height, _times[height], _bits[height]);

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
            _bits.Add(Network.PowLimitBits);
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
    /// The base pipeline for the next height; on success the delta is applied and the block becomes the tip.
    /// </summary>
    public BlockValidationError? Submit(Block block, ScriptCheckMode mode = ScriptCheckMode.Sequential, long? now = null)
    {
        var check = new BaseBlockCheck(block) { Now = now ?? TipTime + 3600, Parent = this, Coins = Coins, ScriptMode = mode };
        if (BaseBlockStages.RunAll(check, Network, Secp) is { } error) return error;
        check.Delta!.ApplyTo(Coins).Should().BeTrue("every spent coin was in the set");
        _times.Add(block.Header.Time);
        _hashes.Add(block.Hash);
        _bits.Add(block.Header.Bits);
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

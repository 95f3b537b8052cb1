using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.Rules;

/// <summary>The block being connected and the facts every stage shares, computed once (coinbase messages).</summary>
public sealed class BlockContext
{
    private BlockContext(Block block, int height, ImmutableArray<CoinbaseMessage> messages, ImmutableArray<int> vouts)
    {
        Block = block;
        Height = height;
        CoinbaseMessages = messages;
        CoinbaseMessageVouts = vouts;
    }

    /// <summary>The block.</summary>
    public Block Block { get; }

    /// <summary>Its height.</summary>
    public int Height { get; }

    /// <summary>hashPrevBlock (what an M8's P must equal).</summary>
    public UInt256 PreviousBlockHash => Block.Header.PreviousBlockHash;

    /// <summary>The recognized coinbase messages (M1, M2, M3, M4, M7), in vout order.</summary>
    public ImmutableArray<CoinbaseMessage> CoinbaseMessages { get; }

    /// <summary>The coinbase vout of each entry of <see cref="CoinbaseMessages"/>.</summary>
    public ImmutableArray<int> CoinbaseMessageVouts { get; }

    /// <summary>Parses the coinbase's messages (§2.1); unrecognized outputs are ignored.</summary>
    public static BlockContext Create(Block block, int height)
    {
        if (block.Transactions.IsEmpty) return new BlockContext(block, height, [], []);
        var outputs = block.Transactions[0].Outputs;
        ImmutableArray<CoinbaseMessage>.Builder? messages = null;
        ImmutableArray<int>.Builder? vouts = null;
        for (int vout = 0; vout < outputs.Length; vout++)
        {
            var script = outputs[vout].ScriptPubKey;
            if (script.Length < 6 || script.Span[0] != OpReturnPush.OpReturn) continue; // cheap pre-filter
            if (!CoinbaseMessage.TryParse(script, out var message)) continue;
            (messages ??= ImmutableArray.CreateBuilder<CoinbaseMessage>()).Add(message);
            (vouts ??= ImmutableArray.CreateBuilder<int>()).Add(vout);
        }
        return new BlockContext(block, height, messages?.ToImmutable() ?? [], vouts?.ToImmutable() ?? []);
    }
}

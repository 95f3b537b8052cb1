using System.Security.Cryptography;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain.Validation;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// Core's invalidateblock: marks the block invalid (with its descendants), disconnects it if active
    /// and moves to the best remaining valid chain. False when the block is unknown or is genesis.
    /// </summary>
    public bool InvalidateBlock(UInt256 hash)
    {
        lock (_lock)
        {
            if (!_tree.TryGet(hash, out var index) || index.Parent is null) return false;
            while (_tree.Active.Contains(index)) DisconnectTip();
            _tree.MarkInvalid(index, BlockRejection.Base("invalidated"));
            // The tip went back: every valid block with at least the new tip's work is a candidate again.
            _tree.RebuildCandidates();
            ActivateBestChain();
            FlushIfOnDisk();
            return true;
        }
    }

    /// <summary>
    /// Core's reconsiderblock: clears the invalid marks of the block, its descendants and its ancestors,
    /// then activates the best chain (which may fail again if the block is really invalid).
    /// </summary>
    public bool ReconsiderBlock(UInt256 hash)
    {
        lock (_lock)
        {
            if (!_tree.TryGet(hash, out var index)) return false;
            _tree.ClearInvalid(index);
            _tree.RebuildCandidates();
            ActivateBestChain();
            FlushIfOnDisk();
            return true;
        }
    }

    /// <summary>Core's getchaintips: the active tip and the tip of every other branch.</summary>
    public IReadOnlyList<ChainTip> GetChainTips()
    {
        lock (_lock) return _tree.GetChainTips();
    }

    /// <summary>
    /// Count, total and hash of the whole UTXO set at the tip (flushes first in disk mode). Equal sets give
    /// equal hashes whatever history produced them, which is what the reorg tests compare.
    /// </summary>
    public UtxoSetInfo GetUtxoSetInfo()
    {
        lock (_lock)
        {
            IEnumerable<(OutPoint OutPoint, Bitcoin.Validation.Coin Coin)> coins;
            if (_store.Database is { } database)
            {
                FlushCore(clearCache: false);
                coins = database.EnumerateCoins().Select(c => (c.OutPoint, new Bitcoin.Validation.Coin(c.Coin.Output, c.Coin.Height, c.Coin.IsCoinbase)));
            }
            else
            {
                var list = _state.Coins.EnumerateInMemory().ToList();
                list.Sort((a, b) => CompareOutPoints(a.OutPoint, b.OutPoint));
                coins = list;
            }
            using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Span<byte> buffer = stackalloc byte[32 + 4 + 4 + 8 + 9];
            long count = 0, total = 0;
            foreach (var (outPoint, coin) in coins)
            {
                outPoint.TxId.WriteTo(buffer);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(buffer[32..], outPoint.Index);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(buffer[36..], ((uint)coin.Height << 1) | (coin.IsCoinbase ? 1u : 0u));
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(buffer[40..], coin.Output.Value.Satoshis);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer[48..], coin.Output.ScriptPubKey.Length);
                hasher.AppendData(buffer[..52]);
                hasher.AppendData(coin.Output.ScriptPubKey.Span);
                count++;
                total += coin.Output.Value.Satoshis;
            }
            Span<byte> digest = stackalloc byte[32];
            hasher.GetHashAndReset(digest);
            var hash = Bitcoin.Crypto.Hashes.Sha256(digest);
            return new UtxoSetInfo(_tree.Tip!.Hash, _tree.Active.Height, count, new Money(total), hash);
        }
    }

    // The database's order: txid bytes as stored (memcmp), then index.
    private static int CompareOutPoints(OutPoint a, OutPoint b)
    {
        Span<byte> x = stackalloc byte[32];
        Span<byte> y = stackalloc byte[32];
        a.TxId.WriteTo(x);
        b.TxId.WriteTo(y);
        int c = x.SequenceCompareTo(y);
        return c != 0 ? c : a.Index.CompareTo(b.Index);
    }
}

// TEMPORARY: stand-ins for types other helpers are writing (h-data, h-valid, h-consensus).
// Deleted when their branches are merged. Not part of the deliverable.
#pragma warning disable CA1822, CS1591, CA1052
using System.Collections.Immutable;
using System.Numerics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Validation
{
    public readonly record struct Coin(TxOut Output, int Height, bool IsCoinbase);
    public interface ICoinView { bool TryGetCoin(in OutPoint outPoint, out Coin coin); }
    public interface IChainHistory { uint GetMedianTimePast(int height); }
    public sealed record BlockValidationError(string RejectReason, string Detail, bool Mutated = false);
    public enum ScriptCheckMode { None, Serial, Parallel }
    public sealed record CoinsDelta(ImmutableArray<(OutPoint OutPoint, Coin Coin)> Spent, ImmutableArray<(OutPoint OutPoint, Coin Coin)> Created, Money Fees);
    public sealed record ConnectBlockResult(CoinsDelta? Delta, BlockValidationError? Error);

    public static class BlockValidation
    {
        public static BlockValidationError? CheckBlock(Block block, Networks.Network network)
        {
            if (!block.Header.CheckProofOfWork(network.PowLimit)) return new("high-hash", "proof of work failed");
            if (block.ComputeMerkleRoot(out var mutated) != block.Header.MerkleRoot) return new("bad-txnmrklroot", "hashMerkleRoot mismatch", true);
            if (mutated) return new("bad-txns-duplicate", "duplicate transaction", true);
            if (block.Transactions.IsEmpty || !block.Transactions[0].IsCoinbase) return new("bad-cb-missing", "first tx is not coinbase");
            return null;
        }

        public static BlockValidationError? ContextualCheckBlockHeader(BlockHeader header, int height, IChainHistory history, Networks.Network network, long adjustedTime)
        {
            if (header.Bits != network.PowLimitBits) return new("bad-diffbits", "incorrect proof of work");
            if (header.Time <= history.GetMedianTimePast(height - 1)) return new("time-too-old", "block's timestamp is too early");
            if (header.Time > adjustedTime + 2 * 60 * 60) return new("time-too-new", "block timestamp too far in the future");
            return null;
        }

        public static ConnectBlockResult ConnectBlock(Block block, int height, ICoinView view, IChainHistory history, Networks.Network network, ISecp256k1? secp, ScriptCheckMode mode)
        {
            var spent = ImmutableArray.CreateBuilder<(OutPoint, Coin)>();
            var created = ImmutableArray.CreateBuilder<(OutPoint, Coin)>();
            var seen = new HashSet<OutPoint>();
            long fees = 0;
            var local = new Dictionary<OutPoint, Coin>();
            for (int t = 0; t < block.Transactions.Length; t++)
            {
                var tx = block.Transactions[t];
                if (t > 0)
                {
                    long inSum = 0;
                    foreach (var input in tx.Inputs)
                    {
                        if (!seen.Add(input.PrevOut)) return new(null, new("bad-txns-inputs-missingorspent", "spent twice"));
                        if (!local.Remove(input.PrevOut, out var coin) && !view.TryGetCoin(input.PrevOut, out coin))
                            return new(null, new("bad-txns-inputs-missingorspent", $"{input.PrevOut}"));
                        if (coin.IsCoinbase && height - coin.Height < network.CoinbaseMaturity)
                            return new(null, new("bad-txns-premature-spend-of-coinbase", $"tried to spend coinbase at depth {height - coin.Height}"));
                        spent.Add((input.PrevOut, coin));
                        inSum += coin.Output.Value.Satoshis;
                    }
                    if (inSum < tx.TotalOutputSatoshis) return new(null, new("bad-txns-in-belowout", "value in < value out"));
                    fees += inSum - tx.TotalOutputSatoshis;
                }
                for (uint i = 0; i < tx.Outputs.Length; i++)
                {
                    if (tx.Outputs[(int)i].ScriptPubKey.Span is [0x6a, ..]) continue;
                    var coin = new Coin(tx.Outputs[(int)i], height, t == 0);
                    local[new OutPoint(tx.TxId, i)] = coin;
                }
            }
            if (block.Transactions[0].TotalOutputSatoshis > fees + network.GetBlockSubsidy(height).Satoshis)
                return new(null, new("bad-cb-amount", "coinbase pays too much"));
            foreach (var (o, c) in local) created.Add((o, c));
            return new(new CoinsDelta(spent.ToImmutable(), created.ToImmutable(), new Money(fees)), null);
        }
    }
}

namespace Drivechain.Consensus
{
    public sealed record DrivechainParams(int ActivationHeight)
    {
        public static DrivechainParams ForNetwork(string chainName) => new(0);
    }

    public sealed record DrivechainState(UInt256 Digest, int Blocks)
    {
        public static readonly DrivechainState Empty = new(UInt256.Zero, 0);
        public UInt256 ComputeDigest() => Digest;
        public byte[] ToBytes() { var b = new byte[36]; Digest.WriteTo(b); BitConverter.TryWriteBytes(b.AsSpan(32), Blocks); return b; }
        public static DrivechainState Parse(ReadOnlySpan<byte> bytes) => new(new UInt256(bytes[..32]), BitConverter.ToInt32(bytes[32..]));
    }

    public sealed record BlockUndo(DrivechainState Previous)
    {
        public byte[] ToBytes() => Previous.ToBytes();
        public static BlockUndo Parse(ReadOnlySpan<byte> bytes) => new(DrivechainState.Parse(bytes));
    }

    public sealed record Rejection(string CodeString, string Detail);

    public abstract record ConnectOutcome
    {
        public sealed record Accepted(DrivechainState State, BlockUndo Undo) : ConnectOutcome;
        public sealed record Rejected(Rejection Rejection) : ConnectOutcome;
    }

    public sealed class DrivechainValidator(DrivechainParams parameters)
    {
        public ConnectOutcome Connect(DrivechainState state, Block block, int height)
        {
            if (height < parameters.ActivationHeight) return new ConnectOutcome.Accepted(state, new BlockUndo(state));
            foreach (var o in block.Transactions[0].Outputs)
                if (o.ScriptPubKey.Span.SequenceEqual(new byte[] { 0x6a, 0x04, 0xde, 0xad, 0xbe, 0xef }))
                    return new ConnectOutcome.Rejected(new Rejection("M4_DUPLICATE", "stub rejection"));
            Span<byte> buf = stackalloc byte[64];
            state.Digest.WriteTo(buf);
            block.Hash.WriteTo(buf[32..]);
            return new ConnectOutcome.Accepted(new DrivechainState(Hashes.Sha256d(buf), state.Blocks + 1), new BlockUndo(state));
        }

        public DrivechainState Disconnect(DrivechainState state, BlockUndo undo) => undo.Previous;
    }
}

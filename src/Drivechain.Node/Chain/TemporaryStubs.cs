// TEMPORARY: stand-ins for types other helpers are writing (h-data, h-valid, h-consensus).
// Deleted when their branches are merged. Not part of the deliverable.
#pragma warning disable CA1822, CS1591, CA1052
using System.Collections.Immutable;
using System.Numerics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

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

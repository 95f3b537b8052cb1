using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Consensus;
using Drivechain.Consensus.Description;
using Drivechain.Node.ChainView;
using Drivechain.Node.Grpc.Protos.Common.V1;
using Hex = Drivechain.Node.Grpc.Protos.Common.V1.Hex;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Grpc;

/// <summary>Builds the wire messages from the node's types (encodings of spec §2).</summary>
public static class GrpcMessages
{
    public static ReverseHex ReverseHex(UInt256 hash) => new() { Hex = hash.ToString() };

    public static Hex Hex(ReadOnlySpan<byte> bytes) => new() { Hex_ = Convert.ToHexStringLower(bytes) };

    /// <summary>A fixed array (hash, h*, M6ID) in consensus encoding: its raw bytes in internal order.</summary>
    public static ConsensusHex ConsensusHex(UInt256 value) => new() { Hex = Convert.ToHexStringLower(value.ToBytes()) };

    /// <summary>A variable-length byte string in consensus encoding: CompactSize length prefix, then the bytes.</summary>
    public static ConsensusHex ConsensusVarBytes(ReadOnlySpan<byte> bytes)
    {
        var buffer = new byte[BitcoinWriter.VarBytesLength(bytes.Length)];
        var writer = new BitcoinWriter(buffer);
        writer.WriteVarBytes(bytes);
        return new ConsensusHex { Hex = Convert.ToHexStringLower(buffer) };
    }

    /// <summary>A transaction in consensus encoding (BIP144 framing when it has witnesses).</summary>
    public static ConsensusHex ConsensusHex(Transaction transaction) => new() { Hex = transaction.ToHex() };

    /// <summary>
    /// Header info (spec §2): <c>work</c> is the work of this one block (not cumulative), 32 bytes little-endian.
    /// </summary>
    public static BlockHeaderInfo HeaderInfo(ChainViewHeader header)
    {
        var bytes = new byte[32];
        header.Header.Work.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return new BlockHeaderInfo
        {
            BlockHash = ReverseHex(header.Hash),
            PrevBlockHash = ReverseHex(header.Header.PreviousBlockHash),
            Height = (uint)header.Height,
            Work = new ConsensusHex { Hex = Convert.ToHexStringLower(bytes) },
            Timestamp = header.Header.Time,
        };
    }

    /// <summary>
    /// A block's drivechain content filtered to one slot (spec §3): the slot's M7 h*, then its events in the validator's
    /// order — bundles submitted (M3), bundles failed (expiry), then deposits (M5) and payouts (M6) in transaction order.
    /// </summary>
    public static BlockInfo BlockInfo(BlockEvents block, byte slot)
    {
        var info = new BlockInfo();
        foreach (var accept in block.BmmAccepts)
            if (accept.Slot == slot) info.BmmCommitment = ConsensusHex(accept.SidechainBlockHash);
        foreach (var e in block.Events)
            if (Event(e, slot, block) is { } converted) info.Events.Add(converted);
        return info;
    }

    private static BlockInfo.Types.Event? Event(DrivechainEvent e, byte slot, BlockEvents block) => e switch
    {
        DrivechainEvent.BundleSubmitted s when s.Slot == slot => Bundle(s.M6Id.Hash, new() { Submitted = new() }),
        DrivechainEvent.BundleFailed f when f.Slot == slot => Bundle(f.M6Id.Hash, new() { Failed = new() }),
        DrivechainEvent.BundleSucceeded p when p.Slot == slot => Bundle(p.M6Id.Hash, new()
        {
            Succeeded = new() { SequenceNumber = (ulong)p.Seq, Transaction = block.Payouts.TryGetValue(p.TxId, out var m6) ? ConsensusHex(m6) : null },
        }),
        DrivechainEvent.DepositReceived d when d.Slot == slot => new BlockInfo.Types.Event
        {
            Deposit = new Deposit
            {
                SequenceNumber = (ulong)d.Seq,
                Outpoint = new Protos.Mainchain.V1.OutPoint { Txid = ReverseHex(d.OutPoint.TxId), Vout = d.OutPoint.Index },
                Output = new Deposit.Types.Output { Address = Hex(d.Address.AsSpan()), ValueSats = (ulong)d.Value.Satoshis },
            },
        },
        _ => null,
    };

    private static BlockInfo.Types.Event Bundle(UInt256 m6Id, WithdrawalBundleEvent.Types.Event e) => new()
    {
        WithdrawalBundle = new WithdrawalBundleEvent { M6Id = ConsensusHex(m6Id), Event = e },
    };

    /// <summary>The parsed version-0 declaration of a description, or null when it does not parse as one.</summary>
    public static SidechainDeclaration? Declaration(ImmutableArray<byte> description)
    {
        if (!SidechainDeclarationV0.TryParse(description.AsSpan(), out var parsed)) return null;
        return new SidechainDeclaration
        {
            V0 = new SidechainDeclaration.Types.V0
            {
                Title = parsed.Title,
                Description = parsed.Text,
                HashId1 = new ConsensusHex { Hex = Convert.ToHexStringLower(parsed.HashId1.Span) },
                HashId2 = new Hex { Hex_ = Convert.ToHexStringLower(parsed.HashId2.Span) },
            },
        };
    }
}

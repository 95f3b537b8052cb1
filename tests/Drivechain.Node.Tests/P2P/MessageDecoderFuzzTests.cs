using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Addresses;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Transport;
using Drivechain.Node.P2P.Transport.V1;
using Drivechain.Testing.Consensus;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Fuzzes the message decoder: the v1 framing (<see cref="V1Transport"/>) and the payload parser of every command the
/// node parses, fed random frames and mutations of valid ones (bad magic, bad checksum, lying lengths, truncation,
/// trailing junk, oversized counts, flipped bytes). The only verdicts allowed are a message, the end of the stream, a
/// protocol error (<see cref="PeerTransportException"/>) or a parser's false (misbehaviour); anything thrown otherwise
/// fails, and so does allocating more than the 4,000,000-byte frame limit (payload parsers: more than 64 bytes per
/// payload byte plus 64 KiB).
/// </summary>
public sealed class MessageDecoderFuzzTests
{
    private const int Iterations = 4000;
    private const long AllocationSlack = 64 * 1024;

    /// <summary>Each command the node parses, with the parser its dispatcher calls (false: the sender misbehaved).</summary>
    private static readonly (string Command, Func<byte[], bool> Parse, byte[] Seed)[] Commands = BuildCommands();

    public enum Verdict { Message, End, ProtocolError }

    [Fact]
    public void Random_and_mutated_frames_give_only_messages_or_protocol_errors_within_the_frame_limit()
    {
        FrameGen.Sample(frame =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var verdicts = DecodeAll(frame);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            verdicts.Should().NotBeEmpty();
            allocated.Should().BeLessThan(V1Transport.MaxMessagePayload + V1Transport.HeaderSize + AllocationSlack);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Random_and_mutated_payloads_of_every_parsed_command_are_accepted_or_refused_without_throwing()
    {
        PayloadGen.Sample(((int Command, byte[] Payload) input) =>
        {
            var (_, parse, _) = Commands[input.Command];
            var before = GC.GetAllocatedBytesForCurrentThread();
            parse(input.Payload);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.Should().BeLessThan(64L * input.Payload.Length + AllocationSlack);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void The_seeds_parse_and_a_frame_of_each_decodes_to_a_message()
    {
        foreach (var (command, parse, seed) in Commands)
        {
            parse(seed).Should().BeTrue(command);
            DecodeAll(Frame(V2TestPeers.RegtestMagic, Encoding.ASCII.GetBytes(command), seed)).Should().Equal(Verdict.Message, Verdict.End);
        }
    }

    [Fact]
    public void Oversized_counts_are_refused_before_allocating()
    {
        byte[] huge = [0xfe, 0xff, 0xff, 0xff, 0x01];   // 33,554,431 elements, and nothing after
        foreach (var (command, parse, _) in Commands.Where(c => c.Command is "inv" or "getdata" or "headers" or "blocktxn" or "getblocktxn" or "addr" or "addrv2"))
        {
            var payload = command is "blocktxn" or "getblocktxn" ? [.. new byte[32], .. huge] : huge;
            var before = GC.GetAllocatedBytesForCurrentThread();
            parse(payload).Should().BeFalse(command);
            (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(AllocationSlack, command);
        }
    }

    /// <summary>Reads every frame in <paramref name="bytes"/> and parses each message's payload; the verdicts in order.</summary>
    public static List<Verdict> DecodeAll(byte[] bytes)
    {
        var verdicts = new List<Verdict>();
        var transport = new V1Transport(new MemoryStream(bytes, writable: false), V2TestPeers.RegtestMagic, []);
        try
        {
            while (transport.ReceiveAsync(CancellationToken.None).GetAwaiter().GetResult() is { } message)
            {
                foreach (var (command, parse, _) in Commands)
                    if (command == message.Command) parse(message.Payload);
                verdicts.Add(Verdict.Message);
            }
            verdicts.Add(Verdict.End);
        }
        catch (PeerTransportException)
        {
            verdicts.Add(Verdict.ProtocolError);
        }
        return verdicts;
    }

    private static readonly Gen<byte[]> Junk = Gen.Byte.Array[0, 300];

    /// <summary>A seed payload with up to four mutations: a flipped byte, a truncation, an inserted huge CompactSize, a duplicated slice.</summary>
    private static Gen<byte[]> Mutated(byte[] seed) =>
        Gen.Select(Gen.Int[0, 3].Array[0, 4], Gen.Int[0, int.MaxValue].Array[4], Gen.Byte, (kinds, positions, value) =>
        {
            var bytes = seed.ToList();
            for (var i = 0; i < kinds.Length; i++)
            {
                var at = bytes.Count == 0 ? 0 : positions[i] % bytes.Count;
                switch (kinds[i])
                {
                    case 0 when bytes.Count > 0: bytes[at] ^= (byte)(value | 1); break;
                    case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                    case 2: bytes.InsertRange(at, value % 3 == 0 ? [0xfd, 0xff, 0xff] : value % 3 == 1 ? [0xfe, 0xff, 0xff, 0xff, 0x7f] : [0xff, .. Enumerable.Repeat((byte)0xff, 8)]); break;
                    case 3: bytes.InsertRange(at, bytes.Skip(at).Take(value)); break;
                }
            }
            return bytes.ToArray();
        });

    private static readonly Gen<(int, byte[])> PayloadGen =
        Gen.Int[0, Commands.Length - 1].SelectMany(c => Gen.Frequency((1, Junk), (3, Mutated(Commands[c].Seed))).Select(p => (c, p)));

    /// <summary>One or two frames (a known or random command, a payload as above), then a framing mutation.</summary>
    private static readonly Gen<byte[]> FrameGen =
        Gen.Select(PayloadGen, Gen.Byte.Array[12], Gen.Bool, Gen.Int[0, 7], Gen.UInt, Junk, (input, randomCommand, useRandom, mutation, number, junk) =>
        {
            var command = useRandom ? randomCommand : Encoding.ASCII.GetBytes(Commands[input.Item1].Command);
            var frame = Frame(V2TestPeers.RegtestMagic, command, input.Item2);
            switch (mutation)
            {
                case 0: frame[number % 4] ^= 0x5a; break;                                                  // bad magic
                case 1: frame[20 + number % 4] ^= 0x01; break;                                             // bad checksum
                case 2: BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(16), number); break;         // lying length
                case 3: BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(16), V1Transport.MaxMessagePayload + 1 + number % 1000); break;
                case 4: frame = frame[..(int)(number % (uint)frame.Length)]; break;                        // truncated
                case 5: frame = [.. frame, .. junk]; break;                                                // trailing junk
                case 6: frame = [.. frame, .. Frame(V2TestPeers.RegtestMagic, Encoding.ASCII.GetBytes("ping"), junk)]; break;
                case 7: frame = junk; break;                                                               // no frame at all
            }
            return frame;
        });

    private static byte[] Frame(byte[] magic, byte[] command, byte[] payload)
    {
        var frame = new byte[V1Transport.HeaderSize + payload.Length];
        magic.CopyTo(frame, 0);
        command.AsSpan(0, Math.Min(command.Length, V1Transport.CommandSize)).CopyTo(frame.AsSpan(4));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(16), (uint)payload.Length);
        SHA256.HashData(SHA256.HashData(payload)).AsSpan(0, 4).CopyTo(frame.AsSpan(20));
        payload.CopyTo(frame, V1Transport.HeaderSize);
        return frame;
    }

    /// <summary>An addrv2 payload of <paramref name="addresses"/> followed by a Tor v3 and an unknown-network entry (read and skipped).</summary>
    private static byte[] AddrV2Seed(PeerAddress[] addresses)
    {
        var known = AddressMessages.Serialize(addresses, v2: true);
        byte[] tor = [0, 0, 0, 0, 0, 4, 32, .. new byte[32], 0x20, 0x8d];
        byte[] unknown = [0, 0, 0, 0, 0, 99, 3, 1, 2, 3, 0x20, 0x8d];
        return [(byte)(addresses.Length + 2), .. known.AsSpan(1), .. tor, .. unknown];
    }

    private static (string, Func<byte[], bool>, byte[])[] BuildCommands()
    {
        var builder = new DrivechainBlockBuilder(UInt256.Zero, 1);
        for (ulong i = 1; i < 4; i++) builder.WithTransaction(DrivechainTransactions.Ordinary(DrivechainTransactions.Funding(i)));
        var block = builder.Build();
        PeerAddress[] addresses =
        [
            new(new IPEndPoint(IPAddress.Parse("11.1.2.3"), 8333), 9, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)),
            new(new IPEndPoint(IPAddress.Parse("2001:4860::1"), 18444), 1033, DateTimeOffset.FromUnixTimeSeconds(1_700_000_100)),
        ];
        var inventory = P2PPayloads.Inventory([new InventoryItem(InventoryItem.MsgWitnessBlock, block.Hash), new InventoryItem(InventoryItem.MsgWTx, block.Transactions[1].WTxId)]);
        return
        [
            ("version", p => VersionMessage.TryParse(p, out _), new VersionMessage(70016, 9, 1_700_000_000, 42, "/fuzz:0.1/", 7, true).ToBytes()),
            ("inv", p => P2PPayloads.TryParseInventory(p, out _), inventory),
            ("getdata", p => P2PPayloads.TryParseInventory(p, out _), inventory),
            ("notfound", p => P2PPayloads.TryParseInventory(p, out _), inventory),
            ("getheaders", p => P2PPayloads.TryParseGetHeaders(p, out _, out _), P2PPayloads.GetHeaders(70016, [block.Hash, UInt256.Zero], UInt256.Zero)),
            ("headers", p => P2PPayloads.TryParseHeaders(p, out _), P2PPayloads.Headers([block.Header, block.Header])),
            ("ping", p => P2PPayloads.TryParseNonce(p, out _), P2PPayloads.Nonce(7)),
            ("pong", p => P2PPayloads.TryParseNonce(p, out _), P2PPayloads.Nonce(7)),
            ("block", p => Block.TryParse(p, out _, out _), block.ToBytes()),
            ("tx", p => Transaction.TryParse(p, out _, out _), block.Transactions[1].ToBytes()),
            ("sendcmpct", p => SendCompact.TryParse(p, out _), new SendCompact(false, 2).ToBytes()),
            ("cmpctblock", p => CompactBlock.TryParse(p, out _), CompactBlock.FromBlock(block, 5).ToBytes()),
            ("getblocktxn", p => BlockTransactionsRequest.TryParse(p, out _), new BlockTransactionsRequest(block.Hash, [1, 3]).ToBytes()),
            ("blocktxn", p => BlockTransactions.TryParse(p, out _), new BlockTransactions(block.Hash, [block.Transactions[1], block.Transactions[3]]).ToBytes()),
            ("addr", p => AddressMessages.TryParse(p, v2: false, out _, out _) is null, AddressMessages.Serialize(addresses, v2: false)),
            ("addrv2", p => AddressMessages.TryParse(p, v2: true, out _, out _) is null, AddrV2Seed(addresses)),
        ];
    }
}

using CsCheck;
using Drivechain.Bitcoin.Crypto.Bip324;
using Drivechain.Node.P2P.Transport.V2;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Fuzzes the BIP324 (v2) decoder as a responder sees it: an initiator's transcript (key, garbage, terminator, version
/// packet, then packets of random contents, decoys among them) built with a real cipher under fixed keys, then mutated
/// (a flipped byte anywhere, truncation, inserted or appended junk, a packet length rewritten to any value, more than
/// 4,095 bytes of garbage). The only verdicts allowed are messages, the end of the stream, or
/// <see cref="V2TransportException"/> (the connection is dropped); anything else thrown fails, and so does allocating more
/// than the packet limit allows. An unmutated transcript decodes to exactly its non-decoy packets with a valid message type.
/// </summary>
public sealed class V2PacketDecoderFuzzTests
{
    private const int Iterations = 3000;
    private const string End = "(end)", Error = "(error)";

    /// <summary>A receive may hold one packet's contents plus its ciphertext (pooled, rounded up to a power of two).</summary>
    private const long ReceiveAllocationLimit = V2Transport.MaxContentsLength + (1L << 23) + 256 * 1024;

    private static readonly byte[] Magic = V2TestPeers.RegtestMagic;
    private static readonly (byte[] Key, byte[] Encoding) Initiator = FixedKey(1), Responder = FixedKey(2);

    private static (byte[] Key, byte[] Encoding) FixedKey(byte seed)
    {
        var key = new byte[32];
        var encoding = new byte[64];
        for (key[31] = seed; ; key[0]++)
            if (ElligatorSwift.TryCreate(key, new byte[32], encoding)) return (key, encoding);
    }

    [Fact]
    public void Valid_transcripts_decode_to_their_packets_and_mutated_ones_only_to_messages_or_a_transport_error_within_the_limits()
    {
        Gen.Select(TranscriptGen, MutationGen).Sample(((byte[] Garbage, (bool Decoy, byte[] Contents)[] Packets) input, (int Kind, uint Number, byte[] Junk) mutation) =>
        {
            var (bytes, packetStarts) = Transcript(input.Garbage, input.Packets);
            var verdicts = Decode(Mutate(bytes, packetStarts, mutation), out var receiveAllocated);
            verdicts.Should().NotBeEmpty();
            receiveAllocated.Should().BeLessThan(ReceiveAllocationLimit);
            if (mutation.Kind != 0) return;
            var expected = input.Packets.Where(p => !p.Decoy && Bip324MessageTypes.TryDecode(p.Contents, out _, out _))
                .Select(p => Bip324MessageTypes.TryDecode(p.Contents, out var command, out _) ? command : "").Append(End);
            verdicts.Should().Equal(expected);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_packet_length_over_the_limit_is_refused_before_its_contents_are_read_or_allocated()
    {
        var (bytes, starts) = Transcript([], [(false, [18, 1, 2, 3, 4, 5, 6, 7, 8])]);   // BIP324 short id 18: ping
        foreach (var length in new[] { V2Transport.MaxContentsLength + 1, 0xFFFFFF })
        {
            var lying = RewriteLength(bytes, starts[^1], 9, length);
            Decode(lying, out var allocated).Should().Equal(Error);
            allocated.Should().BeLessThan(256 * 1024);
        }
        Decode(bytes, out _).Should().Equal("ping", End);
    }

    [Fact]
    public void More_than_4095_bytes_of_garbage_are_refused()
    {
        Decode(Transcript(new byte[V2Transport.MaxGarbageLength], []).Bytes, out _).Should().Equal(End);
        Decode(Transcript(new byte[V2Transport.MaxGarbageLength + 1], []).Bytes, out _).Should().Equal(Error);
    }

    private static readonly Gen<(bool, byte[])> PacketGen = Gen.Select(Gen.Bool, Gen.Frequency(
        (3, Gen.Byte[1, 30].SelectMany(id => Gen.Byte.Array[0, 40].Select(p => (byte[])[id, .. p]))),   // short ids, valid and unknown
        (1, Gen.Byte.Array[0, 60].Select(p => (byte[])[0, .. "version\0\0\0\0\0"u8, .. p])),           // a long command
        (1, Gen.Byte.Array[0, 40])));                                                                   // anything

    private static readonly Gen<(byte[], (bool, byte[])[])> TranscriptGen = Gen.Select(Gen.Byte.Array[0, 64], PacketGen.Array[0, 6]);

    /// <summary>0: none; 1: flip a byte; 2: truncate; 3: insert junk; 4: append junk; 5: rewrite a packet's length.</summary>
    private static readonly Gen<(int, uint, byte[])> MutationGen = Gen.Select(Gen.Int[0, 5], Gen.UInt, Gen.Byte.Array[1, 50]);

    private static byte[] Mutate(byte[] bytes, List<int> packetStarts, (int Kind, uint Number, byte[] Junk) mutation)
    {
        var at = (int)(mutation.Number % (uint)bytes.Length);
        switch (mutation.Kind)
        {
            case 1:
                var flipped = bytes.ToArray();
                flipped[at] ^= (byte)(mutation.Junk[0] | 1);
                return flipped;
            case 2: return bytes[..at];
            case 3: return [.. bytes[..at], .. mutation.Junk, .. bytes[at..]];
            case 4: return [.. bytes, .. mutation.Junk];
            case 5 when packetStarts.Count > 0:
                var start = packetStarts[(int)(mutation.Number % (uint)packetStarts.Count)];
                return RewriteLength(bytes, start, ActualLength(bytes, packetStarts, start), (int)(mutation.Number >> 8));
            default: return bytes;
        }
    }

    private static int ActualLength(byte[] bytes, List<int> starts, int start)
    {
        var index = starts.IndexOf(start);
        var next = index + 1 < starts.Count ? starts[index + 1] : bytes.Length;
        return next - start - Bip324Cipher.Expansion;
    }

    /// <summary>The length field is a stream-cipher XOR: xoring in (actual ^ wanted) makes it decrypt to <paramref name="wanted"/>.</summary>
    private static byte[] RewriteLength(byte[] bytes, int packetStart, int actual, int wanted)
    {
        var rewritten = bytes.ToArray();
        for (var i = 0; i < Bip324Cipher.LengthSize; i++)
            rewritten[packetStart + i] ^= (byte)((actual ^ wanted) >> (8 * i));
        return rewritten;
    }

    /// <summary>What the initiator sends: key, garbage, terminator, version packet, then the packets; and where each packet starts.</summary>
    private static (byte[] Bytes, List<int> PacketStarts) Transcript(byte[] garbage, (bool Decoy, byte[] Contents)[] packets)
    {
        using var cipher = new Bip324Cipher(Initiator.Key, Initiator.Encoding);
        cipher.Initialize(Responder.Encoding, initiator: true, Magic).Should().BeTrue();
        var bytes = new List<byte>([.. Initiator.Encoding, .. garbage, .. cipher.SendGarbageTerminator]);
        var version = new byte[Bip324Cipher.Expansion];
        cipher.Encrypt([], garbage, ignore: false, version);
        bytes.AddRange(version);
        var starts = new List<int>();
        foreach (var (decoy, contents) in packets)
        {
            starts.Add(bytes.Count);
            var packet = new byte[contents.Length + Bip324Cipher.Expansion];
            cipher.Encrypt(contents, [], decoy, packet);
            bytes.AddRange(packet);
        }
        return ([.. bytes], starts);
    }

    /// <summary>Runs the responder over <paramref name="bytes"/>: the commands received, then the end or an error.</summary>
    private static List<string> Decode(byte[] bytes, out long receiveAllocated)
    {
        receiveAllocated = 0;
        var stream = new TranscriptStream(bytes);
        V2Transport transport;
        try
        {
            transport = V2Transport.HandshakeAsync(stream, Magic, initiator: false, [], new Bip324Cipher(Responder.Key, Responder.Encoding),
                CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (V2TransportException)
        {
            return [Error];
        }
        var verdicts = new List<string>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            while (transport.ReceiveAsync(CancellationToken.None).GetAwaiter().GetResult() is { } message) verdicts.Add(message.Command);
            verdicts.Add(End);
        }
        catch (V2TransportException)
        {
            verdicts.Add(Error);
        }
        receiveAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return verdicts;
    }

    /// <summary>Reads the transcript synchronously (so allocations stay on the test's thread) and swallows what the responder writes.</summary>
    private sealed class TranscriptStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

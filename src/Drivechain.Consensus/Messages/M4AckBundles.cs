using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP300 M4 — ACK bundles: tag <c>d77d1776</c> ‖ version ‖ vote vector. Spec §2.1, §4.3.4.
/// Votes read widened to 16 bits: a v1 <c>fe</c> is <see cref="Alarm"/>, <c>ff</c> is <see cref="Abstain"/>. An M4 keeps
/// its vote bytes as encoded (a parsed one where the block has them) and reads them one by one (<see cref="VoteAt"/>);
/// <see cref="Votes"/> widens them into an array only when asked.
/// </summary>
public sealed record M4AckBundles : CoinbaseMessage
{
    private readonly ReadOnlyMemory<byte> _encoded; // the vote bytes (1 or 2 each; empty for v0 and v3); parsed: not copied
    private ImmutableArray<ushort> _votes;          // Votes: given, or widened on its first read

    /// <summary>The tag as a big-endian integer.</summary>
    public const uint TagValue = 0xd77d1776;

    /// <summary>ABSTAIN (widened; v1 <c>ff</c>, v2 <c>ffff</c>).</summary>
    public const ushort Abstain = 0xffff;

    /// <summary>ALARM (widened; v1 <c>fe</c>, v2 <c>fffe</c>).</summary>
    public const ushort Alarm = 0xfffe;

    /// <summary>The largest bundle index a v1 vote can carry.</summary>
    public const ushort MaxOneByteIndex = 253;

    /// <summary>Creates an M4. v0/v3 take no votes; v1 votes must be ≤ 253, <see cref="Alarm"/> or <see cref="Abstain"/>.</summary>
    /// <exception cref="ArgumentException">The votes cannot be encoded in this version (a caller bug).</exception>
    public M4AckBundles(M4Version version, ImmutableArray<ushort> votes)
    {
        votes = votes.IsDefault ? [] : votes;
        switch (version)
        {
            case M4Version.RepeatPrevious or M4Version.UpvoteLeadingBy50 when !votes.IsEmpty:
                throw new ArgumentException($"M4 {version} carries no votes", nameof(votes));
            case M4Version.VotesOneByte:
                foreach (var v in votes)
                    if (v > MaxOneByteIndex && v != Alarm && v != Abstain)
                        throw new ArgumentException($"vote {v} does not fit a one-byte M4", nameof(votes));
                break;
            case > M4Version.UpvoteLeadingBy50:
                throw new ArgumentException($"unknown M4 version {(byte)version}", nameof(version));
        }
        Version = version;
        _votes = votes;
        _encoded = Encode(version, votes);
    }

    // A parsed v1 or v2: the vote bytes, valid for the version by construction.
    private M4AckBundles(M4Version version, ReadOnlyMemory<byte> encoded)
    {
        Version = version;
        _encoded = encoded;
    }

    /// <summary>The version.</summary>
    public M4Version Version { get; }

    /// <summary>The vote vector (widened); empty for v0 and v3.</summary>
    public ImmutableArray<ushort> Votes
    {
        get
        {
            if (_votes.IsDefault)
            {
                var votes = new ushort[VoteCount];
                for (int i = 0; i < votes.Length; i++) votes[i] = VoteAt(i);
                _votes = ImmutableCollectionsMarshal.AsImmutableArray(votes);
            }
            return _votes;
        }
    }

    /// <summary>The number of votes (the active sidechains it was made for); 0 for v0 and v3.</summary>
    public int VoteCount => _encoded.Length / BytesPerVote;

    /// <summary>Vote <paramref name="index"/>, widened (<see cref="Alarm"/>, <see cref="Abstain"/>, or a bundle index).</summary>
    public ushort VoteAt(int index)
    {
        var encoded = _encoded.Span;
        return Version == M4Version.VotesOneByte ? Widen(encoded[index]) : BinaryPrimitives.ReadUInt16LittleEndian(encoded[(2 * index)..]);
    }

    /// <summary>The index of the first vote at or after <paramref name="start"/> that does not abstain, or −1.</summary>
    public int IndexOfVoteFrom(int start)
    {
        if (Version == M4Version.VotesOneByte)   // most votes abstain: skip their bytes in bulk
            return _encoded.Span[start..].IndexOfAnyExcept((byte)0xff) is >= 0 and var skipped ? start + skipped : -1;
        for (int i = start; i < VoteCount; i++)
            if (VoteAt(i) != Abstain) return i;
        return -1;
    }

    private int BytesPerVote => Version == M4Version.VotesTwoBytes ? 2 : 1;

    /// <summary>v0 REPEAT_PREVIOUS.</summary>
    public static M4AckBundles RepeatPrevious() => new(M4Version.RepeatPrevious, []);

    /// <summary>v3 UPVOTE_LEADING_BY_50.</summary>
    public static M4AckBundles UpvoteLeadingBy50() => new(M4Version.UpvoteLeadingBy50, []);

    /// <summary>v1 from raw bytes (<c>fe</c> = alarm, <c>ff</c> = abstain).</summary>
    public static M4AckBundles OneByte(params ReadOnlySpan<byte> raw) => new(M4Version.VotesOneByte, raw.ToArray().AsMemory());

    /// <summary>v2 from 16-bit values (<c>fffe</c> = alarm, <c>ffff</c> = abstain).</summary>
    public static M4AckBundles TwoBytes(params ReadOnlySpan<ushort> votes) => new(M4Version.VotesTwoBytes, [.. votes]);

    private static ushort Widen(byte raw) => raw switch { 0xfe => Alarm, 0xff => Abstain, _ => raw };

    // The vote bytes of checked votes: v1 one byte each (fffe → fe, ffff → ff), v2 two little-endian bytes each.
    private static byte[] Encode(M4Version version, ImmutableArray<ushort> votes)
    {
        if (version == M4Version.VotesOneByte) return [.. votes.Select(v => (byte)v)];
        if (version != M4Version.VotesTwoBytes) return [];
        var encoded = new byte[2 * votes.Length];
        for (int i = 0; i < votes.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(encoded.AsSpan(2 * i), votes[i]);
        return encoded;
    }

    internal static bool TryParseBody(ReadOnlyMemory<byte> body, out M4AckBundles? message)
    {
        message = null;
        if (body.Length < 1) return false;
        var rest = body[1..];
        switch (body.Span[0])
        {
            case 0 when rest.IsEmpty:
                message = RepeatPrevious();
                return true;
            case 3 when rest.IsEmpty:
                message = UpvoteLeadingBy50();
                return true;
            case 1:
                message = new M4AckBundles(M4Version.VotesOneByte, rest);
                return true;
            case 2 when rest.Length % 2 == 0:
                message = new M4AckBundles(M4Version.VotesTwoBytes, rest);
                return true;
            default:
                return false; // unknown version, trailing bytes after v0/v3, odd v2 length: ignored (§2.1)
        }
    }

    /// <inheritdoc />
    public override byte[] ToPayload()
    {
        var payload = Payload(TagValue, 1 + _encoded.Length, out var body);
        body[0] = (byte)Version;
        _encoded.Span.CopyTo(body[1..]);
        return payload;
    }

    /// <inheritdoc />
    public bool Equals(M4AckBundles? other) =>   // one encoding per vote vector: equal bytes, equal votes
        other is not null && Version == other.Version && _encoded.Span.SequenceEqual(other._encoded.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, VoteCount);
}

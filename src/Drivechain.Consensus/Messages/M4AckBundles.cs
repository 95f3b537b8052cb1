using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP300 M4 — ACK bundles: tag <c>d77d1776</c> ‖ version ‖ vote vector. Spec §2.1, §4.3.4.
/// Votes read widened to 16 bits: a v1 <c>fe</c> is <see cref="Alarm"/>, <c>ff</c> is <see cref="Abstain"/>. A parsed M4
/// keeps its vote bytes where the block has them and reads them one by one (<see cref="VoteAt"/>); <see cref="Votes"/>
/// widens them into an array only when asked.
/// </summary>
public sealed record M4AckBundles : CoinbaseMessage
{
    private ImmutableArray<ushort> _votes;          // given, or widened on first read of Votes
    private readonly ReadOnlyMemory<byte> _encoded; // parsed v1/v2: the vote bytes in the block (1 or 2 each), not copied

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
    public int VoteCount => _votes.IsDefault ? _encoded.Length / BytesPerVote : _votes.Length;

    /// <summary>Vote <paramref name="index"/>, widened (<see cref="Alarm"/>, <see cref="Abstain"/>, or a bundle index).</summary>
    public ushort VoteAt(int index)
    {
        if (!_votes.IsDefault) return _votes[index];
        var encoded = _encoded.Span;
        return Version == M4Version.VotesOneByte ? Widen(encoded[index]) : BinaryPrimitives.ReadUInt16LittleEndian(encoded[(2 * index)..]);
    }

    /// <summary>The index of the first vote at or after <paramref name="start"/> that does not abstain, or −1.</summary>
    public int IndexOfVoteFrom(int start)
    {
        if (Version == M4Version.VotesOneByte && _votes.IsDefault)   // most votes abstain: skip their bytes in bulk
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
        int count = VoteCount;
        var payload = Payload(TagValue, 1 + count * BytesPerVote, out var body);
        body[0] = (byte)Version;
        for (int i = 0; i < count; i++)
        {
            if (Version == M4Version.VotesOneByte) body[1 + i] = (byte)VoteAt(i); // fffe → fe, ffff → ff
            else BinaryPrimitives.WriteUInt16LittleEndian(body[(1 + 2 * i)..], VoteAt(i));
        }
        return payload;
    }

    /// <inheritdoc />
    public bool Equals(M4AckBundles? other)
    {
        if (other is null || Version != other.Version || VoteCount != other.VoteCount) return false;
        for (int i = 0; i < VoteCount; i++)
            if (VoteAt(i) != other.VoteAt(i)) return false;
        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, VoteCount);
}

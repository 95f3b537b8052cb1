using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP300 M4 — ACK bundles: tag <c>d77d1776</c> ‖ version ‖ vote vector. Spec §2.1, §4.3.4.
/// Votes are kept widened to 16 bits: a v1 <c>fe</c> is <see cref="Alarm"/>, <c>ff</c> is <see cref="Abstain"/>.
/// </summary>
public sealed record M4AckBundles : CoinbaseMessage
{
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
        Votes = votes;
    }

    // Votes that are valid for the version by construction (parsed and widened): no second check.
    private M4AckBundles(ImmutableArray<ushort> votes, M4Version version)
    {
        Version = version;
        Votes = votes;
    }

    /// <summary>The version.</summary>
    public M4Version Version { get; }

    /// <summary>The vote vector (widened); empty for v0 and v3.</summary>
    public ImmutableArray<ushort> Votes { get; }

    /// <summary>v0 REPEAT_PREVIOUS.</summary>
    public static M4AckBundles RepeatPrevious() => new(M4Version.RepeatPrevious, []);

    /// <summary>v3 UPVOTE_LEADING_BY_50.</summary>
    public static M4AckBundles UpvoteLeadingBy50() => new(M4Version.UpvoteLeadingBy50, []);

    /// <summary>v1 from raw bytes (<c>fe</c> = alarm, <c>ff</c> = abstain).</summary>
    public static M4AckBundles OneByte(params ReadOnlySpan<byte> raw)
    {
        var votes = new ushort[raw.Length];
        for (int i = 0; i < raw.Length; i++) votes[i] = Widen(raw[i]);
        return new M4AckBundles(ImmutableCollectionsMarshal.AsImmutableArray(votes), M4Version.VotesOneByte);
    }

    /// <summary>v2 from 16-bit values (<c>fffe</c> = alarm, <c>ffff</c> = abstain).</summary>
    public static M4AckBundles TwoBytes(params ReadOnlySpan<ushort> votes) => new(M4Version.VotesTwoBytes, [.. votes]);

    private static ushort Widen(byte raw) => raw switch { 0xfe => Alarm, 0xff => Abstain, _ => raw };

    internal static bool TryParseBody(ReadOnlySpan<byte> body, out M4AckBundles? message)
    {
        message = null;
        if (body.Length < 1) return false;
        var rest = body[1..];
        switch (body[0])
        {
            case 0 when rest.IsEmpty:
                message = RepeatPrevious();
                return true;
            case 3 when rest.IsEmpty:
                message = UpvoteLeadingBy50();
                return true;
            case 1:
                message = OneByte(rest);
                return true;
            case 2 when rest.Length % 2 == 0:
                var votes = new ushort[rest.Length / 2];
                for (int i = 0; i < votes.Length; i++) votes[i] = BinaryPrimitives.ReadUInt16LittleEndian(rest[(2 * i)..]);
                message = new M4AckBundles(ImmutableCollectionsMarshal.AsImmutableArray(votes), M4Version.VotesTwoBytes);
                return true;
            default:
                return false; // unknown version, trailing bytes after v0/v3, odd v2 length: ignored (§2.1)
        }
    }

    /// <inheritdoc />
    public override byte[] ToPayload()
    {
        int voteBytes = Version switch
        {
            M4Version.VotesOneByte => Votes.Length,
            M4Version.VotesTwoBytes => 2 * Votes.Length,
            _ => 0,
        };
        var payload = Payload(TagValue, 1 + voteBytes, out var body);
        body[0] = (byte)Version;
        for (int i = 0; i < Votes.Length; i++)
        {
            if (Version == M4Version.VotesOneByte) body[1 + i] = (byte)Votes[i]; // fffe → fe, ffff → ff
            else BinaryPrimitives.WriteUInt16LittleEndian(body[(1 + 2 * i)..], Votes[i]);
        }
        return payload;
    }

    /// <inheritdoc />
    public bool Equals(M4AckBundles? other) =>
        other is not null && Version == other.Version && Votes.AsSpan().SequenceEqual(other.Votes.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Votes.Length);
}

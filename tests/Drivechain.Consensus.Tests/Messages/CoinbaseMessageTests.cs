using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.Tests.Messages;

public class CoinbaseMessageTests
{
    // §9.1: D = 00 ‖ 07 ‖ "Thunder" ‖ "Example sidechain" ‖ 01..20 ‖ 14..01
    internal static byte[] ThunderDescription()
    {
        var d = new List<byte> { 0x00, 0x07 };
        d.AddRange("Thunder"u8.ToArray());
        d.AddRange("Example sidechain"u8.ToArray());
        for (int i = 1; i <= 0x20; i++) d.Add((byte)i);
        for (int i = 0x14; i >= 1; i--) d.Add((byte)i);
        return [.. d];
    }

    private const string M1Hex =
        "6a4c53d5e0c4af0100075468756e6465724578616d706c652073696465636861696e" +
        "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20" +
        "14131211100f0e0d0c0b0a090807060504030201";

    private static CoinbaseMessage? Parse(string hex) =>
        CoinbaseMessage.TryParse(Script.FromHex(hex), out var m) ? m : null;

    [Fact]
    public void M1_of_section_9_1_encodes_byte_for_byte_with_pushdata1()
    {
        var d = ThunderDescription();
        d.Should().HaveCount(78);
        var m1 = new M1ProposeSidechain(1, [.. d]);
        m1.ToScript().ToHex().Should().Be(M1Hex);
        m1.ToScript().Length.Should().Be(86);
    }

    [Fact]
    public void M1_of_section_9_1_parses_back()
    {
        var m1 = Parse(M1Hex).Should().BeOfType<M1ProposeSidechain>().Subject;
        m1.Slot.Should().Be(1);
        m1.Description.ToArray().Should().Equal(ThunderDescription());
    }

    [Fact]
    public void M2_of_section_9_2_carries_sha256d_of_the_description()
    {
        var hash = Hashes.Sha256d(ThunderDescription());
        hash.ToInternalHex().Should().Be("ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d1380");
        hash.ToString().Should().Be("80134d914e99d61808ca49da2c30ed658df196aaab1ab8779288097dd96c84ec");
        var script = new M2AckSidechain(1, hash).ToScript();
        script.ToHex().Should().Be("6a25d6e1c5df01ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d1380");
        Parse(script.ToHex()).Should().Be(new M2AckSidechain(1, hash));
    }

    [Fact]
    public void M2_with_the_BIP_text_tag_bf_is_not_a_message()
    {
        Parse("6a25d6e1c5bf01ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d1380").Should().BeNull();
    }

    [Fact]
    public void M3_of_section_9_3_encodes_slot_then_m6id()
    {
        var id = new M6Id(UInt256.FromInternalHex("f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b"));
        const string hex = "6a25d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b";
        new M3ProposeBundle(1, id).ToScript().ToHex().Should().Be(hex);
        Parse(hex).Should().Be(new M3ProposeBundle(1, id));
    }

    [Fact]
    public void M7_of_section_9_6_encodes_byte_for_byte()
    {
        var h = UInt256.FromInternalHex("33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2");
        const string hex = "6a25d1617368013" + "3ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2";
        new M7BmmAccept(1, h).ToScript().ToHex().Should().Be(hex);
        Parse(hex).Should().Be(new M7BmmAccept(1, h));
    }

    public static TheoryData<string, M4Version, ushort[]> M4Examples() => new()
    {
        { "6a05d77d177600", M4Version.RepeatPrevious, [] },
        { "6a05d77d177603", M4Version.UpvoteLeadingBy50, [] },
        { "6a07d77d17760100ff", M4Version.VotesOneByte, [0, M4AckBundles.Abstain] },
        { "6a06d77d177601fe", M4Version.VotesOneByte, [M4AckBundles.Alarm] },
        { "6a09d77d1776022c01ffff", M4Version.VotesTwoBytes, [300, M4AckBundles.Abstain] },
        { "6a05d77d177601", M4Version.VotesOneByte, [] },
    };

    [Theory]
    [MemberData(nameof(M4Examples))]
    public void M4_examples_of_section_9_4_parse_and_encode_byte_for_byte(string hex, M4Version version, ushort[] votes)
    {
        var m4 = Parse(hex).Should().BeOfType<M4AckBundles>().Subject;
        m4.Version.Should().Be(version);
        // Read in place (the parsed vote bytes), then widened into an array: the same votes.
        m4.VoteCount.Should().Be(votes.Length);
        Enumerable.Range(0, votes.Length).Select(m4.VoteAt).Should().Equal(votes);
        m4.IndexOfVoteFrom(0).Should().Be(Array.FindIndex(votes, v => v != M4AckBundles.Abstain));
        m4.Should().Be(version is M4Version.VotesOneByte or M4Version.VotesTwoBytes ? new M4AckBundles(version, [.. votes]) : m4);
        m4.ToScript().ToHex().Should().Be(hex);
        m4.Votes.Should().Equal(votes);
        m4.ToScript().ToHex().Should().Be(hex);
    }

    public static TheoryData<string, string> Ignored() => new()
    {
        { "6a", "OP_RETURN alone" },
        { "6a00", "empty push" },
        { "6a03d45aa9", "payload shorter than a tag" },
        { "6a25d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd08", "push runs past the end (truncated M3)" },
        { "6a4c", "PUSHDATA1 without its length" },
        { "6a4d25", "PUSHDATA2 with half a length" },
        { "6a4e250000", "PUSHDATA4 with a short length" },
        { "6a25d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b51", "trailing OP_TRUE after M3" },
        { "6a25d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b00", "trailing OP_0 after M3" },
        { "6a24d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd08", "M3 body 32 bytes" },
        { "6a26d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b00", "M3 body 34 bytes" },
        { "6a24d6e1c5df01ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d13", "M2 body 32 bytes" },
        { "6a26d161736801" + "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2" + "00", "M7 body 34 bytes" },
        { "6a04d5e0c4af", "M1 without a slot" },
        { "6a04d77d1776", "M4 without a version" },
        { "6a05d77d177604", "M4 version 4" },
        { "6a05d77d1776ff", "M4 version ff" },
        { "6a06d77d17760000", "M4 v0 with a trailing byte" },
        { "6a06d77d17760300", "M4 v3 with a trailing byte" },
        { "6a06d77d17760201", "M4 v2 with an odd vector length" },
        { "6a08d77d1776022c01ff", "M4 v2 with three vector bytes" },
        { "6a25deadbeef01f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b", "unknown tag" },
        { "51", "not OP_RETURN" },
        { "6a51", "OP_RETURN OP_TRUE" },
        { "6a05d77d17760005d77d177600", "two pushes" },
    };

    [Theory]
    [MemberData(nameof(Ignored))]
    public void Malformed_outputs_are_not_messages(string hex, string why)
    {
        Parse(hex).Should().BeNull(why);
    }

    [Theory]
    [InlineData("6a4c25")]
    [InlineData("6a4d2500")]
    [InlineData("6a4e25000000")]
    public void Non_minimal_pushes_are_accepted(string prefix)
    {
        var m = Parse(prefix + "d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b");
        m.Should().BeOfType<M3ProposeBundle>().Which.Slot.Should().Be(1);
    }

    [Fact]
    public void An_oversize_one_byte_vote_vector_parses_through_pushdata2()
    {
        var votes = Enumerable.Repeat((byte)0xff, 300).ToArray();
        var m4 = M4AckBundles.OneByte(votes);
        var script = m4.ToScript();
        script.Span[1].Should().Be(0x4d);
        Parse(script.ToHex()).Should().Be(m4);
    }

    [Fact]
    public void M1_with_an_empty_description_is_a_message()
    {
        var m1 = Parse("6a05d5e0c4af07").Should().BeOfType<M1ProposeSidechain>().Subject;
        m1.Slot.Should().Be(7);
        m1.Description.Should().BeEmpty();
    }

    [Fact]
    public void One_byte_votes_that_do_not_fit_are_a_caller_bug()
    {
        var act = () => new M4AckBundles(M4Version.VotesOneByte, [254]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(300);
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0) bytes[0] = 0x6a;
            if (bytes.Length > 2 && random.Next(2) == 0) bytes[1] = (byte)(bytes.Length - 2);
            var act = () => CoinbaseMessage.TryParse(new Script(bytes), out _);
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void Every_message_round_trips_through_its_script()
    {
        CoinbaseMessage[] messages =
        [
            new M1ProposeSidechain(255, ImmutableArray.Create<byte>(1, 2, 3)),
            new M2AckSidechain(0, new UInt256(5)),
            new M3ProposeBundle(9, new M6Id(new UInt256(6))),
            M4AckBundles.TwoBytes(0, 0xfffe, 0xffff, 65533),
            M4AckBundles.OneByte(0, 253, 0xfe, 0xff),
            new M7BmmAccept(4, new UInt256(7)),
        ];
        foreach (var m in messages) Parse(m.ToScript().ToHex()).Should().Be(m);
    }
}

using System.Buffers;
using System.Text.Json;
using Drivechain.Consensus.Description;

namespace Drivechain.Consensus.Tests.Description;

/// <summary>The one description of drivechain scripts behind decode, the RPC and libdrivechain (spec §2, §9).</summary>
public class ScriptDescriptionTests
{
    private const string Spec91M1 = "6a4c53d5e0c4af0100075468756e6465724578616d706c652073696465636861696e"
        + "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
        + "14131211100f0e0d0c0b0a090807060504030201";

    private static JsonElement Json(string scriptHex)
    {
        var description = ScriptDescription.Describe(Convert.FromHexString(scriptHex));
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (description is null) ScriptDescription.WriteNone(json);
            else description.WriteTo(json);
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }

    [Fact]
    public void The_spec_M1_shows_its_hash_and_its_version_0_declaration()
    {
        var m1 = Json(Spec91M1);

        m1.GetProperty("type").GetString().Should().Be("M1");
        m1.GetProperty("slot").GetInt32().Should().Be(1);
        m1.GetProperty("description_hash").GetString().Should().Be("80134d914e99d61808ca49da2c30ed658df196aaab1ab8779288097dd96c84ec");
        var declaration = m1.GetProperty("declaration");
        declaration.GetProperty("title").GetString().Should().Be("Thunder");
        declaration.GetProperty("description").GetString().Should().Be("Example sidechain");
        declaration.GetProperty("hashid2").GetString().Should().Be("14131211100f0e0d0c0b0a090807060504030201");
    }

    [Fact]
    public void An_M1_whose_description_is_no_declaration_has_a_null_declaration()
    {
        var m1 = Json("6a07d5e0c4af01abcd");

        m1.GetProperty("type").GetString().Should().Be("M1");
        m1.GetProperty("description").GetString().Should().Be("abcd");
        m1.GetProperty("declaration").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void M8_shows_h_star_as_raw_bytes_and_the_previous_block_reversed()
    {
        var h = Convert.ToHexStringLower(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var prev = "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f";

        var m8 = Json("6a4400bf0007" + h + prev);

        m8.GetProperty("type").GetString().Should().Be("M8");
        m8.GetProperty("slot").GetInt32().Should().Be(7);
        m8.GetProperty("sidechain_block_hash").GetString().Should().Be(h);
        m8.GetProperty("prev_mainchain_block_hash").GetString().Should().Be("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");
    }

    [Fact]
    public void M4_votes_spell_out_abstain_and_alarm()
    {
        var m4 = Json("6a08d77d17760100fffe");

        m4.GetProperty("version").GetInt32().Should().Be(1);
        m4.GetProperty("version_name").GetString().Should().Be("VotesOneByte");
        m4.GetProperty("votes").EnumerateArray().Select(v => v.ToString()).Should().Equal("0", "abstain", "alarm");
    }

    [Theory]
    [InlineData("b4010551", "treasury", "slot", "5")]
    [InlineData("6a03616263", "deposit_address", "address_text", "abc")]
    [InlineData("51", "none", "name", "not a drivechain script")]
    [InlineData("6a05d77d17760051", "none", "name", "not a drivechain script")]   // M4 lookalike with a trailing opcode
    public void Other_scripts_are_named_by_their_shape(string hex, string type, string field, string value)
    {
        var json = Json(hex);

        json.GetProperty("type").GetString().Should().Be(type);
        json.GetProperty(field).ToString().Should().Be(value);
    }

    [Fact]
    public void Context_fields_are_appended_in_order()
    {
        var treasury = ScriptDescription.Describe(Convert.FromHexString("b4010551"))!.Named("a CTIP").With("value", 42L);

        treasury.Name.Should().Be("a CTIP");
        treasury.Fields.Select(f => f.Key).Should().Equal("slot", "value");
    }

    [Fact]
    public void A_declaration_round_trips_and_refuses_a_title_over_255_bytes()
    {
        var declaration = new SidechainDeclarationV0("Thunder", "Example sidechain", new byte[32], Enumerable.Repeat((byte)7, 20).ToArray());

        SidechainDeclarationV0.TryParse(declaration.ToBytes(), out var parsed).Should().BeTrue();
        parsed.Title.Should().Be("Thunder");
        parsed.Text.Should().Be("Example sidechain");
        parsed.HashId2.ToArray().Should().Equal(declaration.HashId2.ToArray());
        var tooLong = declaration with { Title = new string('x', 256) };
        tooLong.Invoking(d => d.ToBytes()).Should().Throw<ArgumentException>().WithMessage("*255 bytes*");
    }

    [Fact]
    public void A_description_that_is_not_UTF8_is_no_declaration()
    {
        byte[] bytes = [0, 1, 0xff, .. new byte[52]];

        SidechainDeclarationV0.TryParse(bytes, out _).Should().BeFalse();
    }
}

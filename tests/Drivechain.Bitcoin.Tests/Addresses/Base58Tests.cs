using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Tests.Primitives;

namespace Drivechain.Bitcoin.Tests.Addresses;

/// <summary>Raw Base58 and Base58Check (Core's base58_encode_decode.json and base58_tests).</summary>
public class Base58Tests
{
    public static TheoryData<int, string, string> Vectors()
    {
        var data = new TheoryData<int, string, string>();
        int index = 0;
        foreach (var row in CoreVectorFiles.ReadRows("base58_encode_decode.json"))
            data.Add(index++, row[0].GetString()!, row[1].GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Bytes_encode_to_the_string_and_the_string_decodes_to_the_bytes(int index, string hex, string base58)
    {
        Base58.Encode(Convert.FromHexString(hex)).Should().Be(base58, $"row {index}");
        Base58.TryDecode(base58, out var decoded).Should().BeTrue();
        Convert.ToHexStringLower(decoded!).Should().Be(hex.ToLowerInvariant());
    }

    [Fact]
    public void The_vector_file_has_21_rows()
    {
        Vectors().Should().HaveCount(21);
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("3SEo3LWLoPntC0")]
    [InlineData(" 3SEo3LWLoPntC")]
    [InlineData("3SEo3LWLoPntC ")]
    [InlineData("é")]
    public void Characters_outside_the_alphabet_are_rejected(string text)
    {
        Base58.TryDecode(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Decoding_stops_once_the_result_would_exceed_the_maximum_length()
    {
        var text = Base58.Encode(new byte[] { 1, 2, 3, 4, 5, 6 });

        Base58.TryDecode(text, out _, maxLength: 6).Should().BeTrue();
        Base58.TryDecode(text, out _, maxLength: 5).Should().BeFalse();
        Base58.TryDecode("1111", out _, maxLength: 3).Should().BeFalse();
    }

    [Fact]
    public void Base58Check_round_trips_and_detects_a_changed_character()
    {
        var payload = Convert.FromHexString("0062e907b15cbf27d5425399ebf6f0fb50ebb88f18");

        var text = Base58Check.Encode(payload);
        var damaged = text[..^1] + (text[^1] == 'a' ? 'b' : 'a');

        text.Should().Be("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        Base58Check.TryDecode(text, out var decoded).Should().BeTrue();
        decoded.Should().Equal(payload);
        Base58Check.TryDecode(damaged, out _).Should().BeFalse();
        Base58Check.TryDecode("1111", out _).Should().BeFalse("four zero bytes have the wrong checksum");
        Base58Check.TryDecode("11", out _).Should().BeFalse("shorter than a checksum");
    }
}

using System.Text.Json;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Tests.Primitives;

namespace Drivechain.Bitcoin.Tests.Addresses;

/// <summary>Core's key_io_valid.json and key_io_invalid.json (key_io_tests.cpp), README §11.</summary>
public class KeyIoTests
{
    public static TheoryData<int, string, string, string> ValidRows()
    {
        var data = new TheoryData<int, string, string, string>();
        int index = 0;
        foreach (var row in CoreVectorFiles.ReadRows("key_io_valid.json"))
            data.Add(index++, row[0].GetString()!, row[1].GetString()!, row[2].GetRawText());
        return data;
    }

    public static TheoryData<int, string> InvalidRows()
    {
        var data = new TheoryData<int, string>();
        int index = 0;
        foreach (var row in CoreVectorFiles.ReadRows("key_io_invalid.json"))
            data.Add(index++, row[0].GetString()!);
        return data;
    }

    private static string FlipCase(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c)]);

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Valid_strings_decode_to_their_payload_and_encode_back(int index, string text, string payloadHex, string metadataJson)
    {
        using var metadata = JsonDocument.Parse(metadataJson);
        var meta = metadata.RootElement;
        var network = Network.FromName(meta.GetProperty("chain").GetString()!);
        bool isPrivkey = meta.GetProperty("isPrivkey").GetBoolean();
        var payload = Convert.FromHexString(payloadHex);
        index.Should().BeGreaterThanOrEqualTo(0);

        if (isPrivkey)
        {
            bool compressed = meta.GetProperty("isCompressed").GetBoolean();
            WifKey.TryParse(text, network, out var key).Should().BeTrue();
            key!.Secret.ToArray().Should().Equal(payload);
            key.IsCompressed.Should().Be(compressed);
            WifKey.Create(payload, compressed, network).ToWif().Should().Be(text);
            Address.TryParse(text, network, out _).Should().BeFalse("a private key is not an address");
        }
        else
        {
            bool tryCaseFlip = meta.TryGetProperty("tryCaseFlip", out var flip) && flip.GetBoolean();
            Address.TryParse(text, network, out var address).Should().BeTrue();
            address!.ScriptPubKey.ToHex().Should().Be(payloadHex);
            Address.TryFromScript(new Script(payload), network, out var encoded).Should().BeTrue();
            encoded!.Text.Should().Be(text);

            var flipped = FlipCase(text);
            Address.TryParse(flipped, network, out var flippedAddress).Should().Be(tryCaseFlip);
            if (flippedAddress is not null) flippedAddress.ScriptPubKey.ToHex().Should().Be(payloadHex);
            WifKey.TryParse(flipped, network, out _).Should().BeFalse("an address is not a private key");
            WifKey.TryParse(text, network, out _).Should().BeFalse("an address is not a private key");
        }
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Invalid_strings_are_neither_an_address_nor_a_key_on_any_network(int index, string text)
    {
        foreach (var network in Network.All)
        {
            Address.TryParse(text, network, out _).Should().BeFalse($"row {index} on {network}");
            WifKey.TryParse(text, network, out _).Should().BeFalse($"row {index} on {network}");
        }
    }

    [Fact]
    public void The_vector_files_have_70_rows_each()
    {
        ValidRows().Should().HaveCount(70);
        InvalidRows().Should().HaveCount(70);
    }

    [Fact]
    public void Addresses_of_one_network_are_rejected_by_networks_with_other_prefixes()
    {
        var main = Address.Parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", Network.Main);
        var p2pkh = Address.Parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Network.Main);

        Address.TryParse(main.Text, Network.TestNet4, out _).Should().BeFalse();
        Address.TryParse(main.Text, Network.Regtest, out _).Should().BeFalse();
        Address.TryParse(p2pkh.Text, Network.Signet, out _).Should().BeFalse();
        main.Kind.Should().Be(AddressKind.WitnessV0KeyHash);
        p2pkh.Kind.Should().Be(AddressKind.PayToPubKeyHash);
    }

    [Theory]
    [InlineData("76a914751e76e8199196d454941c45d1b3a323f1433bd688ac", AddressKind.PayToPubKeyHash)]
    [InlineData("a914751e76e8199196d454941c45d1b3a323f1433bd687", AddressKind.PayToScriptHash)]
    [InlineData("0014751e76e8199196d454941c45d1b3a323f1433bd6", AddressKind.WitnessV0KeyHash)]
    [InlineData("00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262", AddressKind.WitnessV0ScriptHash)]
    [InlineData("512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", AddressKind.Taproot)]
    [InlineData("51024e73", AddressKind.PayToAnchor)]
    [InlineData("6002751e", AddressKind.WitnessUnknown)]
    [InlineData("5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6", AddressKind.WitnessUnknown)]
    public void Every_addressable_script_round_trips_through_its_address(string scriptHex, AddressKind kind)
    {
        var script = Script.FromHex(scriptHex);

        Address.TryFromScript(script, Network.Main, out var address).Should().BeTrue();
        address!.Kind.Should().Be(kind);
        Address.Parse(address.Text, Network.Main).Should().Be(address);
        Address.Parse(address.Text, Network.Main).ScriptPubKey.Should().Be(script);
    }

    [Theory]
    [InlineData("2103ad5e0edad18cb1f0fc0d28a3d4f1f3e445640337489abb10404f2d1e086be430ac")]
    [InlineData("6a0568656c6c6f")]
    [InlineData("0018751e76e8199196d454941c45d1b3a323f1433bd6751e76e8")]
    [InlineData("")]
    [InlineData("51")]
    public void Scripts_without_an_address_are_reported_as_such(string scriptHex)
    {
        Address.TryFromScript(Script.FromHex(scriptHex), Network.Main, out _).Should().BeFalse();
    }

    [Fact]
    public void The_pay_to_anchor_address_is_the_known_string()
    {
        Address.TryFromScript(Script.FromHex("51024e73"), Network.Main, out var anchor).Should().BeTrue();

        anchor!.Text.Should().Be("bc1pfeessrawgf");
    }

    [Fact]
    public void Wif_keys_reject_out_of_range_secrets_and_never_print_them()
    {
        var zero = new byte[32];
        var order = Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        var one = new byte[32];
        one[31] = 1;

        WifKey.IsValidSecret(zero).Should().BeFalse();
        WifKey.IsValidSecret(order).Should().BeFalse();
        WifKey.IsValidSecret(one).Should().BeTrue();
        var key = WifKey.Create(one, compressed: true, Network.Main);
        key.ToString().Should().NotContain(key.ToWif()).And.Contain("redacted");
        key.ToWif().Should().Be("KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn");
    }
}

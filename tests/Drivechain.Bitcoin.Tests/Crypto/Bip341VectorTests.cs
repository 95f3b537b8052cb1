using System.Text.Json;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>BIP341 wallet vectors: output-key tweaks and key-path signatures, on every backend.</summary>
public class Bip341VectorTests
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(VectorPaths.File("bitcoin-core", "bip341_wallet_vectors.json"))));

    private static JsonElement ScriptPubKeyCases => Document.Value.RootElement.GetProperty("scriptPubKey");

    private static JsonElement KeyPathInputs => Document.Value.RootElement.GetProperty("keyPathSpending")[0].GetProperty("inputSpending");

    private static byte[] Hex(JsonElement element) => Convert.FromHexString(element.GetString()!);

    public static TheoryData<string, int> ScriptPubKeyRows()
    {
        var data = new TheoryData<string, int>();
        foreach (var backend in Secp256k1Backends.Names)
            for (int i = 0; i < ScriptPubKeyCases.GetArrayLength(); i++)
                data.Add(backend, i);
        return data;
    }

    public static TheoryData<string, int> KeyPathRows()
    {
        var data = new TheoryData<string, int>();
        foreach (var backend in Secp256k1Backends.Names)
            for (int i = 0; i < KeyPathInputs.GetArrayLength(); i++)
                data.Add(backend, i);
        return data;
    }

    [Fact]
    public void Vector_file_has_seven_output_cases_and_seven_key_path_inputs()
    {
        ScriptPubKeyCases.GetArrayLength().Should().Be(7);
        KeyPathInputs.GetArrayLength().Should().Be(7);
    }

    [Theory]
    [MemberData(nameof(ScriptPubKeyRows))]
    public void Output_key_is_the_internal_key_tweaked_by_the_tap_tweak(string backend, int index)
    {
        var secp = Secp256k1Backends.Get(backend);
        var vector = ScriptPubKeyCases[index];
        var internalKey = Hex(vector.GetProperty("given").GetProperty("internalPubkey"));
        var intermediary = vector.GetProperty("intermediary");
        var tweak = Hex(intermediary.GetProperty("tweak"));
        var expectedOutput = Hex(intermediary.GetProperty("tweakedPubkey"));

        secp.TryTweakXOnlyPublicKey(internalKey, tweak, out var output, out var parity).Should().BeTrue();

        output.Should().Equal(expectedOutput);
        secp.CheckTapTweak(internalKey, tweak, expectedOutput, parity).Should().BeTrue();
        secp.CheckTapTweak(internalKey, tweak, expectedOutput, !parity).Should().BeFalse();
        if (vector.GetProperty("expected").TryGetProperty("scriptPathControlBlocks", out var controlBlocks))
            foreach (var block in controlBlocks.EnumerateArray())
                parity.Should().Be((Hex(block)[0] & 1) == 1, "the control block carries the output key's parity");
    }

    [Theory]
    [MemberData(nameof(KeyPathRows))]
    public void Key_path_signature_is_reproduced_with_the_tweaked_key_and_zero_aux(string backend, int index)
    {
        var secp = Secp256k1Backends.Get(backend);
        var input = KeyPathInputs[index];
        var given = input.GetProperty("given");
        var intermediary = input.GetProperty("intermediary");
        var internalPrivkey = Hex(given.GetProperty("internalPrivkey"));
        var hashType = given.GetProperty("hashType").GetInt32();
        var merkleRoot = given.GetProperty("merkleRoot").ValueKind == JsonValueKind.Null ? [] : Hex(given.GetProperty("merkleRoot"));
        var internalPubkey = secp.GetXOnlyPublicKey(internalPrivkey);
        var tweak = Hashes.TaggedHash("TapTweak", [.. internalPubkey, .. merkleRoot]).ToBytes();

        internalPubkey.Should().Equal(Hex(intermediary.GetProperty("internalPubkey")));
        tweak.Should().Equal(Hex(intermediary.GetProperty("tweak")));
        secp.TryTweakSecretKey(internalPrivkey, tweak, out var tweakedPrivkey).Should().BeTrue();
        tweakedPrivkey.Should().Equal(Hex(intermediary.GetProperty("tweakedPrivkey")));

        var sigHash = Hex(intermediary.GetProperty("sigHash"));
        var signature = secp.SignSchnorr(sigHash, tweakedPrivkey, new byte[32]);
        byte[] witness = hashType == 0 ? signature : [.. signature, (byte)hashType];
        witness.Should().Equal(Hex(input.GetProperty("expected").GetProperty("witness")[0]));

        secp.TryTweakXOnlyPublicKey(internalPubkey, tweak, out var outputKey, out _).Should().BeTrue();
        secp.GetXOnlyPublicKey(tweakedPrivkey).Should().Equal(outputKey);
        secp.VerifySchnorr(sigHash, signature, outputKey).Should().BeTrue();
    }
}

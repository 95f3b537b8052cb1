using Drivechain.Bitcoin.Tests.Crypto;
using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>Core's sighash.json (legacy) and the BIP341 key-path signing vectors.</summary>
public class SignatureHashTests
{
    private static readonly Lazy<JsonElement[]> SighashRows = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorPaths.File("bitcoin-core", "sighash.json")));
        return [.. doc.RootElement.EnumerateArray().Where(r => r.GetArrayLength() > 1).Select(r => r.Clone())];
    });

    private static readonly Lazy<JsonElement> Bip341 = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorPaths.File("bitcoin-core", "bip341_wallet_vectors.json")));
        return doc.RootElement.Clone();
    });

    public static TheoryData<int> SighashIndexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < SighashRows.Value.Length; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(SighashIndexes))]
    public void Legacy_signature_hash_matches_sighash_json(int index)
    {
        var row = SighashRows.Value[index].EnumerateArray().ToArray();
        var tx = Transaction.Parse(row[0].GetString()!);
        var script = Script.FromHex(row[1].GetString()!);

        var hash = SignatureHash.Legacy(script, tx, row[2].GetInt32(), row[3].GetInt32());

        hash.Should().Be(UInt256.Parse(row[4].GetString()!));
    }

    private static (PrecomputedTransactionData Data, JsonElement Test) KeyPathSpending()
    {
        var test = Bip341.Value.GetProperty("keyPathSpending")[0];
        var given = test.GetProperty("given");
        var tx = Transaction.Parse(given.GetProperty("rawUnsignedTx").GetString()!);
        var spent = given.GetProperty("utxosSpent").EnumerateArray()
            .Select(u => new TxOut(new Money(u.GetProperty("amountSats").GetInt64()), Script.FromHex(u.GetProperty("scriptPubKey").GetString()!)))
            .ToArray();
        return (new PrecomputedTransactionData(tx, spent), test);
    }

    [Fact]
    public void Bip341_midstates_match_the_key_path_vector()
    {
        var (data, test) = KeyPathSpending();
        var expected = test.GetProperty("intermediary");

        Hex(data.ShaPrevouts).Should().Be(expected.GetProperty("hashPrevouts").GetString());
        Hex(data.ShaAmounts).Should().Be(expected.GetProperty("hashAmounts").GetString());
        Hex(data.ShaScriptPubKeys).Should().Be(expected.GetProperty("hashScriptPubkeys").GetString());
        Hex(data.ShaSequences).Should().Be(expected.GetProperty("hashSequences").GetString());
        Hex(data.ShaOutputs).Should().Be(expected.GetProperty("hashOutputs").GetString());
    }

    public static TheoryData<int> KeyPathInputs() => [0, 1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(KeyPathInputs))]
    public void Bip341_key_path_signature_hash_matches_and_the_signature_reproduces(int spendingIndex)
    {
        var (data, test) = KeyPathSpending();
        var spending = test.GetProperty("inputSpending")[spendingIndex];
        var given = spending.GetProperty("given");
        int inputIndex = given.GetProperty("txinIndex").GetInt32();
        byte hashType = (byte)given.GetProperty("hashType").GetInt32();
        var intermediary = spending.GetProperty("intermediary");

        SignatureHash.TryTaproot(data, inputIndex, hashType, out var sighash).Should().BeTrue();

        Hex(sighash).Should().Be(intermediary.GetProperty("sigHash").GetString());
        var secp = Secp256k1Backends.Preferred;
        var internalKey = secp.GetXOnlyPublicKey(Convert.FromHexString(given.GetProperty("internalPrivkey").GetString()!));
        Convert.ToHexStringLower(internalKey).Should().Be(intermediary.GetProperty("internalPubkey").GetString());
        UInt256? merkleRoot = given.GetProperty("merkleRoot").ValueKind == JsonValueKind.Null
            ? null : new UInt256(Convert.FromHexString(given.GetProperty("merkleRoot").GetString()!));
        var tweak = TaprootCommitment.TweakHash(internalKey, merkleRoot);
        Hex(tweak).Should().Be(intermediary.GetProperty("tweak").GetString());
        secp.TryTweakSecretKey(Convert.FromHexString(given.GetProperty("internalPrivkey").GetString()!), tweak.ToBytes(), out var tweakedKey).Should().BeTrue();
        var signature = secp.SignSchnorr(sighash.ToBytes(), tweakedKey, new byte[32]);
        byte[] witnessSig = hashType == 0 ? signature : [.. signature, hashType];
        Convert.ToHexStringLower(witnessSig).Should().Be(spending.GetProperty("expected").GetProperty("witness")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(KeyPathInputs))]
    public void Bip341_signed_key_path_input_verifies_on_both_backends(int spendingIndex)
    {
        var (unsigned, test) = KeyPathSpending();
        var signedTx = Transaction.Parse(test.GetProperty("auxiliary").GetProperty("fullySignedTx").GetString()!);
        var data = new PrecomputedTransactionData(signedTx, unsigned.SpentOutputs);
        int inputIndex = test.GetProperty("inputSpending")[spendingIndex].GetProperty("given").GetProperty("txinIndex").GetInt32();
        const ScriptVerifyFlags flags = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;

        foreach (var backend in Secp256k1Backends.Names)
            ScriptVerifier.VerifyInput(data, inputIndex, flags, Secp256k1Backends.Get(backend), out var error).Should().BeTrue($"{backend}: {error.ToCoreName()}");
    }

    private static string Hex(UInt256 value) => Convert.ToHexStringLower(value.ToBytes());
}

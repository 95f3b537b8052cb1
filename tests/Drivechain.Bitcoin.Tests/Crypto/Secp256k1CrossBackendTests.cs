using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>
/// The managed backend against libsecp256k1 on random inputs from a fixed seed. Without the library (and
/// without DRIVECHAIN_REQUIRE_NATIVE_SECP256K1=1) there is one row, "native missing", which asserts that the
/// managed backend is the default instead of comparing anything.
/// </summary>
public class Secp256k1CrossBackendTests
{
    private const int Batches = 4;
    private const int PerBatch = 500;
    private const int NativeMissing = -1;

    public static TheoryData<int> BatchRows()
    {
        var data = new TheoryData<int>();
        if (Secp256k1Backends.Names.Contains(Secp256k1Backends.Native))
            for (int batch = 0; batch < Batches; batch++)
                data.Add(batch);
        else
            data.Add(NativeMissing);
        return data;
    }

    private static bool TryGetBoth(int batch, out ISecp256k1 managed, out ISecp256k1 native)
    {
        managed = Secp256k1Provider.Managed;
        native = managed;
        if (batch == NativeMissing)
        {
            Secp256k1Provider.CreateDefault().Should().BeSameAs(Secp256k1Provider.Managed, "libsecp256k1 is absent");
            return false;
        }
        native = Secp256k1Backends.Get(Secp256k1Backends.Native);
        return true;
    }

    private static byte[] RandomSecretKey(Random random, ISecp256k1 secp)
    {
        var key = new byte[32];
        do
            random.NextBytes(key);
        while (!secp.IsValidSecretKey(key));
        return key;
    }

    [Theory]
    [MemberData(nameof(BatchRows))]
    public void Keys_and_ecdsa_signatures_are_identical_and_verify_on_both(int batch)
    {
        if (!TryGetBoth(batch, out var managed, out var native))
            return;
        var random = new Random(1000 + batch);
        var hash = new byte[32];
        var compact = new byte[64];
        for (int i = 0; i < PerBatch; i++)
        {
            var key = RandomSecretKey(random, native);
            random.NextBytes(hash);

            var compressed = managed.GetPublicKey(key, compressed: true);
            compressed.Should().Equal(native.GetPublicKey(key, compressed: true));
            var uncompressed = managed.GetPublicKey(key, compressed: false);
            uncompressed.Should().Equal(native.GetPublicKey(key, compressed: false));

            var signature = managed.SignEcdsa(hash, key);
            signature.Should().Equal(native.SignEcdsa(hash, key), "both use RFC6979 and low-S");
            EcdsaSignatures.TryParseDerLax(signature, compact).Should().BeTrue();
            EcdsaSignatures.IsLowS(compact).Should().BeTrue();
            var hybrid = (byte[])uncompressed.Clone();
            hybrid[0] = (byte)(0x06 | (uncompressed[64] & 1));
            foreach (var secp in new[] { managed, native })
            {
                secp.VerifyEcdsa(hash, compact, compressed).Should().BeTrue();
                secp.VerifyEcdsa(hash, compact, uncompressed).Should().BeTrue();
                secp.VerifyEcdsa(hash, compact, hybrid).Should().BeTrue();
            }

            hash[random.Next(32)] ^= (byte)(1 << random.Next(8));
            managed.VerifyEcdsa(hash, compact, compressed).Should().BeFalse();
            native.VerifyEcdsa(hash, compact, compressed).Should().BeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(BatchRows))]
    public void Schnorr_signatures_and_taproot_tweaks_are_identical_on_both(int batch)
    {
        if (!TryGetBoth(batch, out var managed, out var native))
            return;
        var random = new Random(2000 + batch);
        var aux = new byte[32];
        var tweak = new byte[32];
        for (int i = 0; i < PerBatch; i++)
        {
            var key = RandomSecretKey(random, native);
            var message = new byte[i % 50 == 0 ? random.Next(500, 3000) : random.Next(0, 80)];
            random.NextBytes(message);
            random.NextBytes(aux);
            random.NextBytes(tweak);
            tweak[0] &= 0x7F;   // below n

            var xOnly = managed.GetXOnlyPublicKey(key);
            xOnly.Should().Equal(native.GetXOnlyPublicKey(key));
            var signature = managed.SignSchnorr(message, key, aux);
            signature.Should().Equal(native.SignSchnorr(message, key, aux));
            managed.VerifySchnorr(message, signature, xOnly).Should().BeTrue();
            native.VerifySchnorr(message, signature, xOnly).Should().BeTrue();
            signature[random.Next(64)] ^= (byte)(1 << random.Next(8));
            managed.VerifySchnorr(message, signature, xOnly).Should().Be(native.VerifySchnorr(message, signature, xOnly)).And.BeFalse();

            managed.TryTweakXOnlyPublicKey(xOnly, tweak, out var output, out var parity).Should().BeTrue();
            native.TryTweakXOnlyPublicKey(xOnly, tweak, out var nativeOutput, out var nativeParity).Should().BeTrue();
            output.Should().Equal(nativeOutput);
            parity.Should().Be(nativeParity);
            managed.CheckTapTweak(xOnly, tweak, output, parity).Should().BeTrue();
            native.CheckTapTweak(xOnly, tweak, output, !parity).Should().BeFalse();
            managed.TryTweakSecretKey(key, tweak, out var tweakedKey).Should().BeTrue();
            native.TryTweakSecretKey(key, tweak, out var nativeTweakedKey).Should().BeTrue();
            tweakedKey.Should().Equal(nativeTweakedKey);
            managed.GetXOnlyPublicKey(tweakedKey).Should().Equal(output);
        }
    }

    [Theory]
    [MemberData(nameof(BatchRows))]
    public void Random_public_key_encodings_are_accepted_or_rejected_identically(int batch)
    {
        if (!TryGetBoth(batch, out var managed, out var native))
            return;
        var random = new Random(3000 + batch);
        int accepted = 0;
        byte[] prefixes = [0x00, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];
        for (int i = 0; i < PerBatch * 4; i++)
        {
            var key = new byte[random.Next(4) switch { 0 => 33, 1 => 65, 2 => 32, _ => random.Next(70) }];
            random.NextBytes(key);
            if (key.Length > 0)
                key[0] = prefixes[random.Next(prefixes.Length)];
            var expected = native.IsValidPublicKey(key);
            managed.IsValidPublicKey(key).Should().Be(expected, Convert.ToHexString(key));
            if (key.Length == 32)
                managed.VerifySchnorr([], new byte[64], key).Should().Be(native.VerifySchnorr([], new byte[64], key));
            accepted += expected ? 1 : 0;
        }
        accepted.Should().BePositive("about half of the random 02/03 keys are on the curve");
    }

    [Theory]
    [MemberData(nameof(BatchRows))]
    public void Ecdsa_nonce_agrees_for_message_hashes_at_or_above_the_order(int batch)
    {
        if (!TryGetBoth(batch, out var managed, out var native))
            return;
        byte[][] hashes =
        [
            new byte[32],
            Enumerable.Repeat((byte)0xFF, 32).ToArray(),
            Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"),
            Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142"),
        ];
        var key = RandomSecretKey(new Random(4000 + batch), native);
        foreach (var hash in hashes)
            managed.SignEcdsa(hash, key).Should().Equal(native.SignEcdsa(hash, key), Convert.ToHexString(hash));
    }
}

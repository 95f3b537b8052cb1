using System.Security.Cryptography;
using System.Text;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>ECDSA signing (RFC6979, low-S, DER) and verification on every backend.</summary>
public class Secp256k1EcdsaTests
{
    private const string KeyOne = "0000000000000000000000000000000000000000000000000000000000000001";
    private const string KeyOrderMinusOne = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";
    private const string Order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string GeneratorCompressed = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorUncompressed = "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798" +
        "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    /// <summary>The widely published secp256k1 RFC6979 (HMAC-SHA256, SHA-256 message hash, low-S) vectors.</summary>
    public static TheoryData<string, string, string, string> KnownSignatures()
    {
        var data = new TheoryData<string, string, string, string>();
        (string Key, string Message, string Der)[] vectors =
        [
            (KeyOne, "Satoshi Nakamoto",
                "3045022100934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d802202442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5"),
            (KeyOne, "Everything should be made as simple as possible, but not simpler.",
                "3044022033a69cd2065432a30f3d1ce4eb0d59b8ab58c74f27c41a7fdb5696ad4e6108c902206f807982866f785d3f6418d24163ddae117b7db4d5fdf0071de069fa54342262"),
            (KeyOne, "All those moments will be lost in time, like tears in rain. Time to die...",
                "30450221008600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b0220547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21"),
            (KeyOrderMinusOne, "Satoshi Nakamoto",
                "3045022100fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d002206b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5"),
            ("cca9fbcc1b41e5a95d369eaa6ddcff73b61a4efaa279cfc6567e8daa39cbaf50", "sample",
                "3045022100af340daf02cc15c8d5d08d7735dfe6b98a474ed373bdb5fbecf7571be52b384202205009fb27f37034a9b24b707b7c6b79ca23ddef9e25f7282e8a797efe53a8f124"),
        ];
        foreach (var backend in Secp256k1Backends.Names)
            foreach (var (key, message, der) in vectors)
                data.Add(backend, key, message, der);
        return data;
    }

    private static byte[] Hash(string message) => SHA256.HashData(Encoding.UTF8.GetBytes(message));

    private static byte[] Compact(byte[] der)
    {
        var compact = new byte[64];
        EcdsaSignatures.TryParseDerLax(der, compact).Should().BeTrue();
        return compact;
    }

    [Theory]
    [MemberData(nameof(KnownSignatures))]
    public void Signing_reproduces_the_published_rfc6979_signature(string backend, string key, string message, string expectedDer)
    {
        var secp = Secp256k1Backends.Get(backend);

        var der = secp.SignEcdsa(Hash(message), Convert.FromHexString(key));

        Convert.ToHexString(der).Should().BeEquivalentTo(expectedDer);
    }

    [Theory]
    [MemberData(nameof(KnownSignatures))]
    public void Published_signature_verifies_under_the_public_key_and_not_for_another_message(string backend, string key, string message, string expectedDer)
    {
        var secp = Secp256k1Backends.Get(backend);
        var publicKey = secp.GetPublicKey(Convert.FromHexString(key), compressed: true);
        var compact = Compact(Convert.FromHexString(expectedDer));

        secp.VerifyEcdsa(Hash(message), compact, publicKey).Should().BeTrue();
        secp.VerifyEcdsa(Hash(message + "!"), compact, publicKey).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Public_key_of_one_is_the_generator(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var one = Convert.FromHexString(KeyOne);

        Convert.ToHexString(secp.GetPublicKey(one, compressed: true)).Should().BeEquivalentTo(GeneratorCompressed);
        Convert.ToHexString(secp.GetPublicKey(one, compressed: false)).Should().BeEquivalentTo(GeneratorUncompressed);
        Convert.ToHexString(secp.GetXOnlyPublicKey(one)).Should().BeEquivalentTo(GeneratorCompressed[2..]);
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void High_s_signature_verifies_after_normalisation_but_is_not_low_s(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var key = Convert.FromHexString(KeyOne);
        var hash = Hash("Satoshi Nakamoto");
        var compact = Compact(secp.SignEcdsa(hash, key));
        var high = (byte[])compact.Clone();
        var s = new System.Numerics.BigInteger(compact.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var n = new System.Numerics.BigInteger(Convert.FromHexString(Order), isUnsigned: true, isBigEndian: true);
        (n - s).ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(high.AsSpan(32));

        EcdsaSignatures.IsLowS(compact).Should().BeTrue();
        EcdsaSignatures.IsLowS(high).Should().BeFalse();
        secp.VerifyEcdsa(hash, high, secp.GetPublicKey(key, compressed: true)).Should().BeTrue();
        secp.VerifyEcdsa(hash, high, secp.GetPublicKey(key, compressed: false)).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Zero_or_overflowing_r_and_s_fail_verification(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var key = Convert.FromHexString(KeyOne);
        var hash = Hash("Satoshi Nakamoto");
        var publicKey = secp.GetPublicKey(key, compressed: true);
        var compact = Compact(secp.SignEcdsa(hash, key));

        secp.VerifyEcdsa(hash, new byte[64], publicKey).Should().BeFalse();
        var zeroS = (byte[])compact.Clone();
        zeroS.AsSpan(32).Clear();
        secp.VerifyEcdsa(hash, zeroS, publicKey).Should().BeFalse();
        var orderR = (byte[])compact.Clone();
        Convert.FromHexString(Order).CopyTo(orderR, 0);
        secp.VerifyEcdsa(hash, orderR, publicKey).Should().BeFalse();
        secp.VerifyEcdsa(hash, compact.AsSpan(0, 63), publicKey).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Core_verify_checks_the_length_against_the_header_byte(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var key = Convert.FromHexString(KeyOne);
        var hash = Hash("Satoshi Nakamoto");
        var der = secp.SignEcdsa(hash, key);
        var publicKey = secp.GetPublicKey(key, compressed: true);

        EcdsaSignatures.Verify(secp, hash, der, publicKey).Should().BeTrue();
        EcdsaSignatures.Verify(secp, hash, [.. der, 0x01, 0x02], publicKey).Should().BeTrue("trailing garbage is ignored by the lax parser");
        EcdsaSignatures.Verify(secp, hash, der, [.. publicKey, 0x00]).Should().BeFalse();
        EcdsaSignatures.Verify(secp, hash, der, []).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Secret_keys_must_be_between_one_and_the_order(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);

        secp.IsValidSecretKey(Convert.FromHexString(KeyOne)).Should().BeTrue();
        secp.IsValidSecretKey(Convert.FromHexString(KeyOrderMinusOne)).Should().BeTrue();
        secp.IsValidSecretKey(new byte[32]).Should().BeFalse();
        secp.IsValidSecretKey(Convert.FromHexString(Order)).Should().BeFalse();
        secp.IsValidSecretKey(Convert.FromHexString(KeyOne).AsSpan(1)).Should().BeFalse();
        var act = () => secp.SignEcdsa(new byte[32], new byte[32]);
        act.Should().Throw<ArgumentException>();
    }
}

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>Public-key parsing as libsecp256k1's ec_pubkey_parse, on every backend.</summary>
public class Secp256k1PublicKeyTests
{
    private const string Gx = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string Gy = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";   // even
    private const string GyPlusOne = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b9";
    private const string NegGy = "b7c52588d95c3b9aa25b0403f1eef75702e84bb7597aabe663b82f6f04ef2777";   // odd
    private const string FieldSize = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
    private const string NotOnCurveX = "eefdea4cdb677750a420fee807eacf21eb9898ae79b9768766e4faa04a2d4a34";

    public static TheoryData<string, string, string, bool> Cases()
    {
        (string Name, string Hex, bool Valid)[] cases =
        [
            ("compressed G", "02" + Gx, true),
            ("compressed G with odd prefix", "03" + Gx, true),
            ("uncompressed G", "04" + Gx + Gy, true),
            ("hybrid G, even tag", "06" + Gx + Gy, true),
            ("hybrid G, odd tag but even y", "07" + Gx + Gy, false),
            ("hybrid −G, odd tag", "07" + Gx + NegGy, true),
            ("hybrid −G, even tag but odd y", "06" + Gx + NegGy, false),
            ("uncompressed −G", "04" + Gx + NegGy, true),
            ("uncompressed, y + 1 off the curve", "04" + Gx + GyPlusOne, false),
            ("uncompressed, x = p", "04" + FieldSize + Gy, false),
            ("compressed, x = p", "02" + FieldSize, false),
            ("compressed, x not on the curve", "02" + NotOnCurveX, false),
            ("prefix 05", "05" + Gx + Gy, false),
            ("prefix 04 with 33 bytes", "04" + Gx, false),
            ("prefix 02 with 65 bytes", "02" + Gx + Gy, false),
            ("x-only 32 bytes", Gx, false),
            ("compressed plus a byte", "02" + Gx + "00", false),
            ("uncompressed minus a byte", "04" + Gx + Gy[..62], false),
            ("empty", "", false),
            ("prefix 00", "00" + Gx, false),
        ];
        var data = new TheoryData<string, string, string, bool>();
        foreach (var backend in Secp256k1Backends.Names)
            foreach (var (name, hex, valid) in cases)
                data.Add(backend, name, hex, valid);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Public_key_encoding_is_accepted_exactly_as_libsecp256k1_does(string backend, string name, string hex, bool valid)
    {
        var secp = Secp256k1Backends.Get(backend);

        secp.IsValidPublicKey(Convert.FromHexString(hex)).Should().Be(valid, name);
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Tweak_at_or_above_the_order_is_rejected_and_zero_tweak_keeps_the_key(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var key = Convert.FromHexString(Gx);
        var order = Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        var secretOne = Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000001");

        secp.TryTweakXOnlyPublicKey(key, order, out _, out _).Should().BeFalse();
        secp.CheckTapTweak(key, order, key, false).Should().BeFalse();
        secp.TryTweakSecretKey(secretOne, order, out _).Should().BeFalse();
        secp.TryTweakXOnlyPublicKey(key, new byte[32], out var same, out var parity).Should().BeTrue();
        same.Should().Equal(key);
        parity.Should().BeFalse();
        secp.TryTweakXOnlyPublicKey(Convert.FromHexString(NotOnCurveX), new byte[32], out _, out _).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Secret_key_tweak_giving_zero_is_rejected(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        // Key 1 has an even-y point, so the tweaked key is 1 + t; t = n − 1 makes it zero.
        var secretOne = Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000001");
        var orderMinusOne = Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");

        secp.TryTweakSecretKey(secretOne, orderMinusOne, out _).Should().BeFalse();
        secp.TryTweakXOnlyPublicKey(Convert.FromHexString(Gx), orderMinusOne, out _, out _).Should().BeFalse("G + (n−1)·G is infinity");
    }
}

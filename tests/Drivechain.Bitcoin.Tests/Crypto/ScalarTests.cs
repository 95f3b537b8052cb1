using System.Numerics;
using Drivechain.Bitcoin.Crypto.Secp256k1;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>The managed scalar arithmetic (mod n) against BigInteger.</summary>
public class ScalarTests
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private static byte[] Bytes32(BigInteger value)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - raw.Length], .. raw];
    }

    private static BigInteger Big(Scalar s) => new(s.ToBytes(), isUnsigned: true, isBigEndian: true);

    private static BigInteger Mod(BigInteger x) => ((x % N) + N) % N;

    public static List<BigInteger> Values()
    {
        var list = new List<BigInteger> { 0, 1, 2, N - 1, N - 2, N / 2, N / 2 + 1, BigInteger.Pow(2, 255), BigInteger.Pow(2, 128) - 1 };
        var random = new Random(11);
        var bytes = new byte[32];
        for (int i = 0; i < 300; i++)
        {
            random.NextBytes(bytes);
            if (i % 3 == 0)
                bytes.AsSpan(0, 16).Fill(0xFF);
            list.Add(Mod(new BigInteger(bytes, isUnsigned: true, isBigEndian: true)));
        }
        return list;
    }

    [Fact]
    public void Add_negate_multiply_and_invert_match_big_integer_arithmetic()
    {
        var values = Values();
        for (int i = 0; i < values.Count; i++)
        {
            var a = values[i];
            var b = values[(i * 5 + 1) % values.Count];
            var sa = Scalar.Read(Bytes32(a));
            var sb = Scalar.Read(Bytes32(b));
            Big(sa + sb).Should().Be(Mod(a + b));
            Big(-sa).Should().Be(Mod(-a));
            Big(sa * sb).Should().Be(Mod(a * b));
            Big(sa.Invert()).Should().Be(a.IsZero ? 0 : BigInteger.ModPow(a, N - 2, N));
            sa.IsHigh.Should().Be(a > N / 2);
        }
    }

    [Fact]
    public void Reading_reduces_values_at_or_above_the_order_and_reports_it()
    {
        Scalar.Read(Bytes32(N), out var overflow).IsZero.Should().BeTrue();
        overflow.Should().BeTrue();
        Big(Scalar.Read(Bytes32(BigInteger.Pow(2, 256) - 1), out overflow)).Should().Be(BigInteger.Pow(2, 256) - 1 - N);
        overflow.Should().BeTrue();
        Scalar.Read(Bytes32(N - 1), out overflow);
        overflow.Should().BeFalse();
    }

    [Fact]
    public void Lambda_split_recombines_to_the_scalar_with_halves_of_at_most_128_bits()
    {
        var lambda = Big(Scalar.Lambda);
        BigInteger.ModPow(lambda, 3, N).Should().Be(BigInteger.One);
        foreach (var k in Values())
        {
            Scalar.SplitLambda(Scalar.Read(Bytes32(k)), out var r1, out var r2);

            Mod(Big(r1) + Big(r2) * lambda).Should().Be(k);
            BigInteger.Min(Big(r1), N - Big(r1)).Should().BeLessThan(BigInteger.Pow(2, 128));
            BigInteger.Min(Big(r2), N - Big(r2)).Should().BeLessThan(BigInteger.Pow(2, 128));
        }
    }
}

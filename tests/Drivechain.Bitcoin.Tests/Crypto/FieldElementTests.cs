using System.Numerics;
using Drivechain.Bitcoin.Crypto.Secp256k1;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>The managed field arithmetic against BigInteger on edge values and random values.</summary>
public class FieldElementTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977;

    private static byte[] Bytes32(BigInteger value)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - raw.Length], .. raw];
    }

    private static FieldElement Fe(BigInteger value)
    {
        FieldElement.TryRead(Bytes32(value), out var fe).Should().BeTrue();
        return fe;
    }

    private static BigInteger Big(FieldElement fe)
    {
        var bytes = new byte[32];
        fe.WriteTo(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger Mod(BigInteger x) => ((x % P) + P) % P;

    public static IEnumerable<BigInteger> Values()
    {
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return 2;
        yield return P - 1;
        yield return P - 2;
        yield return BigInteger.Pow(2, 255);
        yield return BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 978;
        yield return BigInteger.Pow(2, 64) - 1;
        yield return BigInteger.Pow(2, 192) + 12345;
        var random = new Random(7);
        var bytes = new byte[32];
        for (int i = 0; i < 300; i++)
        {
            random.NextBytes(bytes);
            if (i % 3 == 0)
                bytes.AsSpan(0, 24).Fill(0xFF);   // near p, to exercise the reductions
            yield return Mod(new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
        }
    }

    [Fact]
    public void Add_subtract_multiply_and_square_match_big_integer_arithmetic()
    {
        var values = Values().ToList();
        for (int i = 0; i < values.Count; i++)
        {
            var a = values[i];
            var b = values[(i * 7 + 3) % values.Count];
            Big(Fe(a) + Fe(b)).Should().Be(Mod(a + b));
            Big(Fe(a) - Fe(b)).Should().Be(Mod(a - b));
            Big(-Fe(a)).Should().Be(Mod(-a));
            Big(Fe(a) * Fe(b)).Should().Be(Mod(a * b));
            Big(Fe(a).Square()).Should().Be(Mod(a * a));
            Mod(Big(Fe(a).Half()) * 2).Should().Be(a);
        }
    }

    [Fact]
    public void Inverse_and_square_root_match_big_integer_arithmetic()
    {
        foreach (var a in Values().Take(120))
        {
            Big(Fe(a).Invert()).Should().Be(BigInteger.ModPow(a, P - 2, P));
            Big(Fe(a).InvertByExponent()).Should().Be(BigInteger.ModPow(a, P - 2, P));
            var isSquare = Fe(a).TrySqrt(out var root);
            isSquare.Should().Be(BigInteger.ModPow(a, (P - 1) / 2, P) != P - 1);
            if (isSquare)
                Mod(Big(root) * Big(root)).Should().Be(a);
        }
    }

    [Fact]
    public void Reading_p_or_more_reports_overflow()
    {
        var bytes = P.ToByteArray(isUnsigned: true, isBigEndian: true);
        FieldElement.TryRead(bytes, out var reduced).Should().BeFalse();
        reduced.IsZero.Should().BeTrue();
        FieldElement.TryRead(Bytes32(P - 1), out _).Should().BeTrue();
    }
}

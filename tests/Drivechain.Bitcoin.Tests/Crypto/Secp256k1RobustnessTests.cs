using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>Arbitrary bytes never throw from the verification and parsing entry points; backends are thread-safe.</summary>
public class Secp256k1RobustnessTests
{
    private static byte[] RandomBytes(Random random, int maxLength)
    {
        var bytes = new byte[random.Next(maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Random_inputs_to_verification_return_false_without_throwing(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var random = new Random(99);
        var validKey = secp.GetPublicKey(Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000007"), compressed: true);
        var validXOnly = validKey.AsSpan(1).ToArray();
        int accepted = 0;
        for (int i = 0; i < 300; i++)
        {
            var hash = RandomBytes(random, 40);
            var signature = random.Next(2) == 0 ? RandomBytes(random, 70) : RandomBytes(random, 0).Concat(new byte[64].Select(_ => (byte)random.Next(256))).ToArray();
            var key = random.Next(2) == 0 ? validKey : RandomBytes(random, 70);
            var xOnly = random.Next(2) == 0 ? validXOnly : RandomBytes(random, 40);

            accepted += secp.VerifyEcdsa(hash, signature, key) ? 1 : 0;
            accepted += secp.VerifySchnorr(hash, signature, xOnly) ? 1 : 0;
            accepted += secp.CheckTapTweak(xOnly, RandomBytes(random, 40), RandomBytes(random, 40), random.Next(2) == 0) ? 1 : 0;
            secp.TryTweakXOnlyPublicKey(xOnly, RandomBytes(random, 40), out _, out _);
            secp.TryTweakSecretKey(RandomBytes(random, 40), RandomBytes(random, 40), out _);
            secp.IsValidSecretKey(RandomBytes(random, 40));
            accepted += EcdsaSignatures.Verify(secp, hash, signature, key) ? 1 : 0;
        }
        accepted.Should().Be(0, "random signatures never verify");
    }

    [Fact]
    public void Random_bytes_into_the_lax_der_parser_never_throw()
    {
        var random = new Random(5);
        var compact = new byte[64];
        int parsed = 0;
        for (int i = 0; i < 20000; i++)
        {
            byte[] der;
            if (random.Next(2) == 0)
            {
                der = RandomBytes(random, 80);
            }
            else
            {
                // A well-formed signature with random lengths, then a few random byte changes and a random cut.
                var r = RandomBytes(random, 34);
                var sValue = RandomBytes(random, 34);
                der = [0x30, (byte)(4 + r.Length + sValue.Length), 0x02, (byte)r.Length, .. r, 0x02, (byte)sValue.Length, .. sValue];
                for (int k = random.Next(3); k > 0; k--)
                    der[random.Next(der.Length)] = (byte)random.Next(256);
                der = der[..random.Next(der.Length / 2, der.Length + 1)];
            }
            parsed += EcdsaSignatures.TryParseDerLax(der, compact) ? 1 : 0;
            EcdsaSignatures.IsLowDerSignature(der);
        }
        parsed.Should().BePositive();
    }

    [Theory]
    [MemberData(nameof(Secp256k1Backends.All), MemberType = typeof(Secp256k1Backends))]
    public void Concurrent_signing_and_verification_give_consistent_results(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var failures = 0;

        Parallel.For(0, 64, i =>
        {
            var key = new byte[32];
            key[31] = (byte)(i + 1);
            key[0] = (byte)i;
            var hash = System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i));
            var compact = new byte[64];
            EcdsaSignatures.TryParseDerLax(secp.SignEcdsa(hash, key), compact);
            var schnorr = secp.SignSchnorr(hash, key, new byte[32]);
            if (!secp.VerifyEcdsa(hash, compact, secp.GetPublicKey(key, compressed: true))
                || !secp.VerifySchnorr(hash, schnorr, secp.GetXOnlyPublicKey(key)))
                Interlocked.Increment(ref failures);
        });

        failures.Should().Be(0);
    }
}

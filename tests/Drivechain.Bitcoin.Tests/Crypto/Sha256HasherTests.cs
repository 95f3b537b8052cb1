using System.Security.Cryptography;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>
/// <see cref="Sha256Hasher"/> (OpenSSL's low-level SHA-256 where libcrypto loads) against the BCL's SHA-256, one-shot and
/// fed in pieces, across the 64-byte block boundaries and the long-update path. The FIPS vectors run through
/// <see cref="Hashes"/> in <see cref="HashesTests"/>.
/// </summary>
public class Sha256HasherTests
{
    [Fact]
    public void On_Linux_the_fast_libcrypto_path_is_what_runs()
    {
        if (!OperatingSystem.IsLinux()) return;   // elsewhere the BCL fallback is the implementation under test
        Sha256Hasher.Backend.Should().Be("libcrypto", "libcrypto.so.3 is what .NET's own cryptography loads on Linux");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(80)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    [InlineData(1_000_003)]
    public void One_shot_hashes_equal_the_BCL(int length)
    {
        var data = RandomBytes(length, length);
        var digest = new byte[32];
        Sha256Hasher.Hash(data, digest);
        digest.Should().Equal(SHA256.HashData(data));
    }

    [Fact]
    public void Hashing_in_place_over_the_input_gives_the_double_hash()
    {
        var data = RandomBytes(64, 7);
        var buffer = (byte[])data.Clone();
        Sha256Hasher.Hash(buffer.AsSpan(0, 32), buffer);
        buffer.AsSpan(0, 32).ToArray().Should().Equal(SHA256.HashData(data.AsSpan(0, 32)));
        buffer.AsSpan(32).ToArray().Should().Equal(data.AsSpan(32).ToArray(), "only 32 bytes are written");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Pieces_appended_in_any_split_hash_as_the_whole(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            var data = RandomBytes(random.Next(0, round < 190 ? 400 : 40_000), seed * 1000 + round);
            var hasher = new Sha256Hasher();
            for (int at = 0; at < data.Length;)
            {
                int piece = Math.Min(data.Length - at, random.Next(0, round < 190 ? 80 : 20_000));
                hasher.Append(data.AsSpan(at, piece));
                at += piece;
            }
            var digest = new byte[32];
            hasher.Finish(digest);
            digest.Should().Equal(SHA256.HashData(data), $"round {round}, {data.Length} bytes");
        }
    }

    [Fact]
    public void Finish_starts_over_and_an_untouched_hasher_gives_the_empty_hash()
    {
        var hasher = new Sha256Hasher();
        var digest = new byte[32];
        hasher.Finish(digest);
        digest.Should().Equal(SHA256.HashData([]));

        hasher.Append("abc"u8);
        hasher.Finish(digest);
        hasher.Append("xyz"u8);
        hasher.Finish(digest);
        digest.Should().Equal(SHA256.HashData("xyz"u8), "the bytes before the first Finish do not leak into the second hash");
    }

    [Fact]
    public void A_short_digest_buffer_is_refused()
    {
        var act = () => Sha256Hasher.Hash([1, 2, 3], new byte[31]);
        act.Should().Throw<ArgumentException>().WithMessage("*32 bytes*");
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

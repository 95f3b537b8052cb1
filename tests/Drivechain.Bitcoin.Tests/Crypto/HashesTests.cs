using System.Text;
using System.Text.Json;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>SHA-256, RIPEMD-160, HASH160 and BIP340 tagged hashes against published vectors.</summary>
public class HashesTests
{
    private static readonly int[] PaddingBoundaryLengths = [55, 56, 63, 64, 65, 119, 120];

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Sha256_matches_the_FIPS_vectors(string message, string digest)
    {
        Hashes.Sha256(Encoding.ASCII.GetBytes(message)).ToInternalHex().Should().Be(digest);
    }

    [Fact]
    public void Sha256_of_a_million_a_matches_the_FIPS_vector()
    {
        Hashes.Sha256(Enumerable.Repeat((byte)'a', 1_000_000).ToArray()).ToInternalHex()
            .Should().Be("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    [Fact]
    public void Sha256d_is_sha256_applied_twice()
    {
        var once = Hashes.Sha256("hello"u8);

        Hashes.Sha256d("hello"u8).Should().Be(Hashes.Sha256(once.ToBytes()));
        Hashes.Sha256d("hello"u8).ToInternalHex().Should().Be("9595c9df90075148eb06860365df33584b75bff782a510c6cd4883a419833d50");
    }

    [Theory]
    [InlineData("", "9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe")]
    [InlineData("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    [InlineData("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "b0e20b6e3116640286ed3a87a5713079b21f5189")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "9b752e45573d4b39f4dbd3323cab82bf63326bfb")]
    public void Ripemd160_matches_the_published_vectors(string message, string digest)
    {
        Hex(Ripemd160.HashData(Encoding.ASCII.GetBytes(message))).Should().Be(digest);
        Hashes.Ripemd160(Encoding.ASCII.GetBytes(message)).ToString().Should().Be(digest);
    }

    [Fact]
    public void Ripemd160_of_a_million_a_matches_the_published_vector()
    {
        Hex(Ripemd160.HashData(Enumerable.Repeat((byte)'a', 1_000_000).ToArray())).Should().Be("52783243c1697bdbe16d37f97f68f08325dc1528");
    }

    [Fact]
    public void Ripemd160_handles_every_padding_boundary_consistently()
    {
        // Messages of 55, 56, 63, 64 and 65 bytes straddle the one-/two-block padding split; each must differ
        // from its neighbours and be deterministic.
        var digests = PaddingBoundaryLengths
            .Select(n => Hex(Ripemd160.HashData(Enumerable.Repeat((byte)'x', n).ToArray())))
            .ToList();

        digests.Should().OnlyHaveUniqueItems();
        Hex(Ripemd160.HashData(Enumerable.Repeat((byte)'x', 56).ToArray())).Should().Be(digests[1]);
    }

    [Theory]
    [InlineData("04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f", "62e907b15cbf27d5425399ebf6f0fb50ebb88f18")]
    [InlineData("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", "751e76e8199196d454941c45d1b3a323f1433bd6")]
    public void Hash160_of_known_keys_gives_their_address_hashes(string pubKey, string hash160)
    {
        Hashes.Hash160(Convert.FromHexString(pubKey)).ToString().Should().Be(hash160);
    }

    [Fact]
    public void Tagged_hash_is_sha256_of_the_doubled_tag_hash_and_the_data()
    {
        var tag = Hashes.Sha256("BIP0340/challenge"u8).ToBytes();
        var data = "payload"u8.ToArray();

        Hashes.TaggedHash("BIP0340/challenge", data).Should().Be(Hashes.Sha256([.. tag, .. tag, .. data]));
    }

    public static TheoryData<string, string, string> TapLeafVectors()
    {
        var data = new TheoryData<string, string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPaths.File("bitcoin-core", "bip341_wallet_vectors.json")));
        foreach (var testCase in document.RootElement.GetProperty("scriptPubKey").EnumerateArray())
        {
            var tree = testCase.GetProperty("given").GetProperty("scriptTree");
            if (tree.ValueKind == JsonValueKind.Null) continue;
            var leaves = new List<JsonElement>();
            CollectLeaves(tree, leaves);
            var hashes = testCase.GetProperty("intermediary").GetProperty("leafHashes");
            foreach (var leaf in leaves)
            {
                var script = leaf.GetProperty("script").GetString()!;
                var version = leaf.GetProperty("leafVersion").GetInt32();
                data.Add($"{version:x2}", script, hashes[leaf.GetProperty("id").GetInt32()].GetString()!);
            }
        }
        return data;
    }

    private static void CollectLeaves(JsonElement node, List<JsonElement> leaves)
    {
        if (node.ValueKind == JsonValueKind.Array)
            foreach (var child in node.EnumerateArray()) CollectLeaves(child, leaves);
        else
            leaves.Add(node);
    }

    [Theory]
    [MemberData(nameof(TapLeafVectors))]
    public void TapLeaf_tagged_hashes_match_the_BIP341_wallet_vectors(string leafVersionHex, string scriptHex, string leafHash)
    {
        var script = Convert.FromHexString(scriptHex);
        byte[] preimage = [Convert.FromHexString(leafVersionHex)[0], .. CompactSize(script.Length), .. script];

        Hashes.TaggedHash("TapLeaf", preimage).ToInternalHex().Should().Be(leafHash);
    }

    public static TheoryData<int, string, string> TapSighashVectors()
    {
        var data = new TheoryData<int, string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPaths.File("bitcoin-core", "bip341_wallet_vectors.json")));
        foreach (var spending in document.RootElement.GetProperty("keyPathSpending").EnumerateArray())
            foreach (var input in spending.GetProperty("inputSpending").EnumerateArray())
            {
                var intermediary = input.GetProperty("intermediary");
                data.Add(input.GetProperty("given").GetProperty("txinIndex").GetInt32(),
                    intermediary.GetProperty("sigMsg").GetString()!, intermediary.GetProperty("sigHash").GetString()!);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(TapSighashVectors))]
    public void TapSighash_tagged_hashes_of_the_BIP341_messages_match(int inputIndex, string sigMsg, string sigHash)
    {
        inputIndex.Should().BeGreaterThanOrEqualTo(0);
        Hashes.TaggedHash("TapSighash", Convert.FromHexString(sigMsg)).ToInternalHex().Should().Be(sigHash);
    }

    private static byte[] CompactSize(int length) =>
        length < 0xfd ? [(byte)length] : [0xfd, (byte)length, (byte)(length >> 8)];
}

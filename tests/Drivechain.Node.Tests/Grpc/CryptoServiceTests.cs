using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Crypto.V1;
using Grpc.Core;
using static Drivechain.Node.Tests.Grpc.ValidatorServiceTests;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>CryptoService (spec §6) against published vectors and the reference's conventions (SHA-256 of the message, compact low-S).</summary>
public sealed class CryptoServiceTests(GrpcScenarioFixture fixture) : IClassFixture<GrpcScenarioFixture>
{
    private const string SecretOne = "0000000000000000000000000000000000000000000000000000000000000001";
    private CryptoService.CryptoServiceClient Crypto => new(fixture.Scenario.Channel);

    private static Hex Hex(string hex) => new() { Hex_ = hex };

    private static ConsensusHex Key(string hex) => new() { Hex = hex };

    [Fact]
    public async Task Ripemd160_of_abc_is_the_published_digest()
    {
        var response = await Crypto.Ripemd160Async(new Ripemd160Request { Msg = Hex("616263") });

        response.Digest.Hex_.Should().Be("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
    }

    [Fact]
    public async Task Hmac_sha512_matches_rfc4231_test_case_2()
    {
        var response = await Crypto.HmacSha512Async(new HmacSha512Request
        {
            Key = Hex("4a656665"), Msg = Hex(Convert.ToHexStringLower("what do ya want for nothing?"u8)),
        });

        response.Hmac.Hex_.Should().Be("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    }

    [Fact]
    public async Task The_public_key_of_secret_one_is_the_compressed_generator()
    {
        var response = await Crypto.Secp256k1SecretKeyToPublicKeyAsync(new Secp256k1SecretKeyToPublicKeyRequest { SecretKey = Key(SecretOne) });

        response.PublicKey.Hex.Should().Be("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    }

    [Fact]
    public async Task A_signature_verifies_for_its_message_and_key_only_and_a_high_s_twin_does_not()
    {
        var secret = new string('3', 64);
        var publicKey = (await Crypto.Secp256k1SecretKeyToPublicKeyAsync(new Secp256k1SecretKeyToPublicKeyRequest { SecretKey = Key(secret) })).PublicKey;
        var message = Hex("68656c6c6f");

        var signature = (await Crypto.Secp256k1SignAsync(new Secp256k1SignRequest { Message = message, SecretKey = Key(secret) })).Signature;
        var again = (await Crypto.Secp256k1SignAsync(new Secp256k1SignRequest { Message = message, SecretKey = Key(secret) })).Signature;
        var valid = await Crypto.Secp256k1VerifyAsync(new Secp256k1VerifyRequest { Message = message, Signature = signature, PublicKey = publicKey });
        var otherMessage = await Crypto.Secp256k1VerifyAsync(new Secp256k1VerifyRequest { Message = Hex("68656c6c6e"), Signature = signature, PublicKey = publicKey });
        var otherKey = await Crypto.Secp256k1VerifyAsync(new Secp256k1VerifyRequest { Message = message, Signature = signature, PublicKey = Key("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798") });
        var highS = await Crypto.Secp256k1VerifyAsync(new Secp256k1VerifyRequest { Message = message, Signature = Hex(HighS(signature.Hex_)), PublicKey = publicKey });

        Convert.FromHexString(signature.Hex_).Should().HaveCount(64);
        again.Should().Be(signature, "RFC 6979 signatures are deterministic");
        valid.Valid.Should().BeTrue();
        otherMessage.Valid.Should().BeFalse();
        otherKey.Valid.Should().BeFalse();
        highS.Valid.Should().BeFalse();
    }

    [Fact]
    public async Task Bad_keys_and_signatures_are_invalid_argument_naming_the_field()
    {
        var zeroKey = await Fails(Crypto.Secp256k1SignAsync(new Secp256k1SignRequest { Message = Hex(""), SecretKey = Key(new string('0', 64)) }).ResponseAsync);
        var shortKey = await Fails(Crypto.Secp256k1SecretKeyToPublicKeyAsync(new Secp256k1SecretKeyToPublicKeyRequest { SecretKey = Key("01") }).ResponseAsync);
        var noMessage = await Fails(Crypto.Secp256k1SignAsync(new Secp256k1SignRequest { SecretKey = Key(SecretOne) }).ResponseAsync);
        var shortSignature = await Fails(Crypto.Secp256k1VerifyAsync(new Secp256k1VerifyRequest { Message = Hex(""), Signature = Hex("00"), PublicKey = Key("02" + new string('1', 64)) }).ResponseAsync);
        var badPoint = await Fails(Crypto.Secp256k1VerifyAsync(new Secp256k1VerifyRequest { Message = Hex(""), Signature = Hex(new string('1', 128)), PublicKey = Key("05" + new string('1', 64)) }).ResponseAsync);
        var oddHex = await Fails(Crypto.Ripemd160Async(new Ripemd160Request { Msg = Hex("abc") }).ResponseAsync);

        zeroKey.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("secret_key"));
        shortKey.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("secret_key") && s.Detail.Contains("32 bytes"));
        noMessage.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("message"));
        shortSignature.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("signature"));
        badPoint.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("public_key"));
        oddHex.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("msg"));
    }

    /// <summary>The same signature with s replaced by n − s (valid ECDSA, rejected by the low-S rule).</summary>
    private static string HighS(string compact)
    {
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(Convert.FromHexString(compact[64..]), isUnsigned: true, isBigEndian: true);
        var high = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        return compact[..64] + Convert.ToHexStringLower(high).PadLeft(64, '0');
    }
}

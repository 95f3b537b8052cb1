using System.Security.Cryptography;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Node.Grpc.Protos.Crypto.V1;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

/// <summary>
/// <c>cusf.crypto.v1.CryptoService</c> (spec §6) on the node's own crypto, matching the reference enforcer: ECDSA signs
/// and verifies SHA-256(message) (one round), signatures are 64-byte compact r ‖ s with low S, public keys 33-byte
/// compressed. A bad key is INVALID_ARGUMENT; a signature that does not verify (or has a high S) is <c>valid = false</c>.
/// </summary>
public sealed class CryptoGrpcService(ISecp256k1 secp) : CryptoService.CryptoServiceBase
{
    public override Task<HmacSha512Response> HmacSha512(HmacSha512Request request, ServerCallContext context)
    {
        var key = Bytes(request.Key, "key");
        var message = Bytes(request.Msg, "msg");
        return Task.FromResult(new HmacSha512Response { Hmac = GrpcMessages.Hex(HMACSHA512.HashData(key, message)) });
    }

    public override Task<Ripemd160Response> Ripemd160(Ripemd160Request request, ServerCallContext context)
    {
        Span<byte> digest = stackalloc byte[20];
        Bitcoin.Crypto.Ripemd160.HashData(Bytes(request.Msg, "msg"), digest);
        return Task.FromResult(new Ripemd160Response { Digest = GrpcMessages.Hex(digest) });
    }

    public override Task<Secp256k1SecretKeyToPublicKeyResponse> Secp256k1SecretKeyToPublicKey(Secp256k1SecretKeyToPublicKeyRequest request,
        ServerCallContext context)
    {
        var secret = SecretKey(request.SecretKey);
        return Task.FromResult(new Secp256k1SecretKeyToPublicKeyResponse
        {
            PublicKey = new() { Hex = Convert.ToHexStringLower(secp.GetPublicKey(secret, compressed: true)) },
        });
    }

    public override Task<Secp256k1SignResponse> Secp256k1Sign(Secp256k1SignRequest request, ServerCallContext context)
    {
        var digest = SHA256.HashData(Bytes(request.Message, "message"));
        var secret = SecretKey(request.SecretKey);
        Span<byte> compact = stackalloc byte[64];
        if (!EcdsaSignatures.TryParseDerLax(secp.SignEcdsa(digest, secret), compact))
            throw new RpcException(new Status(StatusCode.Internal, "the signer produced an unreadable signature"));
        return Task.FromResult(new Secp256k1SignResponse { Signature = GrpcMessages.Hex(compact) });
    }

    public override Task<Secp256k1VerifyResponse> Secp256k1Verify(Secp256k1VerifyRequest request, ServerCallContext context)
    {
        var digest = SHA256.HashData(Bytes(request.Message, "message"));
        var signature = Bytes(request.Signature, "signature");
        if (signature.Length != 64) throw Invalid($"signature must be 64 bytes (compact r ‖ s), got {signature.Length}");
        var publicKey = Fixed(request.PublicKey, "public_key", 33);
        if (!secp.IsValidPublicKey(publicKey)) throw Invalid("public_key is not a valid compressed secp256k1 public key");
        var valid = EcdsaSignatures.IsLowS(signature) && secp.VerifyEcdsa(digest, signature, publicKey);
        return Task.FromResult(new Secp256k1VerifyResponse { Valid = valid });
    }

    private byte[] SecretKey(Protos.Common.V1.ConsensusHex? field)
    {
        var secret = Fixed(field, "secret_key", 32);
        return secp.IsValidSecretKey(secret) ? secret : throw Invalid("secret_key is not a valid secp256k1 secret key (0 < k < n)");
    }
}

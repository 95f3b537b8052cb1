using System.Security.Cryptography;

namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// The RFC6979 HMAC-SHA256 nonce generator as libsecp256k1's default ECDSA nonce function uses it: seeded with
/// secret key ‖ message hash reduced modulo n, no extra data; attempt i takes the (i+1)-th output.
/// </summary>
internal ref struct Rfc6979
{
    private Span<byte> _k;
    private Span<byte> _v;
    private bool _retry;

    /// <summary>Seeds the generator; <paramref name="key"/> and <paramref name="v"/> are 32-byte scratch buffers for its state.</summary>
    public Rfc6979(ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> message32, Span<byte> key, Span<byte> v)
    {
        _k = key;
        _v = v;
        _retry = false;
        _v.Fill(0x01);
        _k.Clear();
        Span<byte> buffer = stackalloc byte[32 + 1 + 64];
        _v.CopyTo(buffer);
        secretKey32.CopyTo(buffer[33..]);
        message32.CopyTo(buffer[65..]);
        buffer[32] = 0x00;
        HMACSHA256.HashData(_k, buffer, _k);
        HMACSHA256.HashData(_k, _v, _v);
        _v.CopyTo(buffer);
        buffer[32] = 0x01;
        HMACSHA256.HashData(_k, buffer, _k);
        HMACSHA256.HashData(_k, _v, _v);
    }

    /// <summary>The next 32 output bytes.</summary>
    public void Generate(Span<byte> output32)
    {
        if (_retry)
        {
            Span<byte> buffer = stackalloc byte[33];
            _v.CopyTo(buffer);
            buffer[32] = 0x00;
            HMACSHA256.HashData(_k, buffer, _k);
            HMACSHA256.HashData(_k, _v, _v);
        }
        HMACSHA256.HashData(_k, _v, _v);
        _v.CopyTo(output32);
        _retry = true;
    }
}

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Drivechain.Bitcoin.Crypto.Native;

namespace Drivechain.Bitcoin.Crypto;

/// <summary>
/// SHA-256, one-shot (<see cref="Hash"/>) or incremental (<see cref="Append"/>, <see cref="Finish"/>), on a context that
/// lives on the caller's stack: no allocation per hash. It runs OpenSSL's low-level SHA-256 when libcrypto is loadable
/// (always on Linux, where .NET's own cryptography uses it) and the BCL's <see cref="SHA256"/> otherwise; both give the
/// same digests (tested). Nothing to dispose: the fallback collects the appended bytes and hashes them at the end.
/// </summary>
public unsafe ref struct Sha256Hasher
{
    private Context _context;
    private bool _started;
    private byte[]? _fallback;
    private int _fallbackLength;

    /// <summary>The digest size in bytes.</summary>
    public const int DigestSize = 32;

    /// <summary>Which implementation runs: "libcrypto" (OpenSSL's low-level SHA-256) or "bcl".</summary>
    public static string Backend => LibCryptoSha256.Instance is null ? "bcl" : "libcrypto";

    /// <summary>SHA-256 of <paramref name="data"/> into the first 32 bytes of <paramref name="digest"/> (which may overlap it).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        if (digest.Length < DigestSize) throw new ArgumentException("The digest needs 32 bytes.", nameof(digest));
        if (LibCryptoSha256.Instance is { } native) native.Hash(data, digest);
        else SHA256.HashData(data, digest);
    }

    /// <summary>Feeds <paramref name="data"/> to the hash.</summary>
    public void Append(scoped ReadOnlySpan<byte> data)
    {
        if (LibCryptoSha256.Instance is not { } native)
        {
            if (_fallback is null || _fallbackLength + data.Length > _fallback.Length)
                Array.Resize(ref _fallback, Math.Max(256, Math.Max(_fallbackLength + data.Length, (_fallback?.Length ?? 0) * 2)));
            data.CopyTo(_fallback.AsSpan(_fallbackLength));
            _fallbackLength += data.Length;
            return;
        }
        fixed (byte* context = &Unsafe.As<Context, byte>(ref _context))
        {
            if (!_started) native.Init(context);
            _started = true;
            native.Update(context, data);
        }
    }

    /// <summary>Writes the digest of everything appended to the first 32 bytes of <paramref name="digest"/> and starts over.</summary>
    public void Finish(scoped Span<byte> digest)
    {
        if (digest.Length < DigestSize) throw new ArgumentException("The digest needs 32 bytes.", nameof(digest));
        if (LibCryptoSha256.Instance is not { } native)
        {
            SHA256.HashData(_fallback.AsSpan(0, _fallbackLength), digest);
            _fallbackLength = 0;
            return;
        }
        fixed (byte* context = &Unsafe.As<Context, byte>(ref _context))
        fixed (byte* output = digest)
        {
            if (!_started) native.Init(context);
            native.Final(output, context);
        }
        _started = false;
    }

    [InlineArray(LibCryptoSha256.ContextSize / sizeof(ulong))]
    private struct Context
    {
        private ulong _element0;
    }
}

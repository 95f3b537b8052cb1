using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Drivechain.Bitcoin.Crypto.Native;

/// <summary>
/// OpenSSL's low-level SHA-256 (<c>SHA256_Init</c>/<c>_Update</c>/<c>_Final</c> of libcrypto, which .NET itself loads on
/// Linux), called through function pointers on a caller-owned context. The BCL's <see cref="SHA256"/> reaches the same
/// code through EVP with a context allocated, freed and an error queue cleared per call: ~0.9 µs for a double SHA-256
/// of 64 bytes against ~0.13 µs here (docs/performance.md). Loaded once; <see cref="Instance"/> is null when no candidate
/// library exports the three functions or the loaded one fails a known-answer check, and callers use the BCL instead.
/// </summary>
internal sealed unsafe class LibCryptoSha256
{
    /// <summary>Bytes reserved for OpenSSL's <c>SHA256_CTX</c> (112 bytes: h[8], Nl, Nh, data[16], num, md_len).</summary>
    public const int ContextSize = 128;

    /// <summary>Above this many bytes an update runs with a GC transition (a long native call must not hold up the GC).</summary>
    public const int ShortUpdateLimit = 16 * 1024;

    /// <summary>The library names probed.</summary>
    public static readonly string[] Candidates = ["libcrypto.so.3", "libcrypto.so", "libcrypto.3.dylib", "libcrypto.dylib"];

    /// <summary>The loaded functions, or null (use the BCL).</summary>
    public static LibCryptoSha256? Instance { get; } = Load();

    public readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> Init;
    public readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> UpdateShort;
    public readonly delegate* unmanaged<byte*, byte*, nuint, int> UpdateLong;
    public readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> Final;

    private LibCryptoSha256(nint init, nint update, nint final)
    {
        Init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init;
        UpdateShort = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
        UpdateLong = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
        Final = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
    }

    /// <summary>SHA-256 of <paramref name="data"/> into the first 32 bytes of <paramref name="digest"/>.</summary>
    public void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        byte* context = stackalloc byte[ContextSize];
        Init(context);
        Update(context, data);
        fixed (byte* output = digest) Final(output, context);
    }

    /// <summary>Feeds <paramref name="data"/> to an initialised context.</summary>
    public void Update(byte* context, ReadOnlySpan<byte> data)
    {
        fixed (byte* input = data)
        {
            if (data.Length <= ShortUpdateLimit) UpdateShort(context, input, (nuint)data.Length);
            else UpdateLong(context, input, (nuint)data.Length);
        }
    }

    private static LibCryptoSha256? Load()
    {
        foreach (var name in Candidates)
        {
            if (!NativeLibrary.TryLoad(name, typeof(LibCryptoSha256).Assembly, null, out var library)) continue;
            if (NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
            {
                var candidate = new LibCryptoSha256(init, update, final);
                if (candidate.PassesKnownAnswers()) return candidate;
            }
        }
        return null;
    }

    // The loaded code must agree with the BCL on inputs crossing the block boundaries and the long-update path.
    private bool PassesKnownAnswers()
    {
        var input = new byte[ShortUpdateLimit + 77];
        for (int i = 0; i < input.Length; i++) input[i] = (byte)(i * 31 + 7);
        Span<byte> ours = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        foreach (var length in (int[])[0, 3, 55, 56, 63, 64, 65, 119, 1000, input.Length])
        {
            Hash(input.AsSpan(0, length), ours);
            SHA256.HashData(input.AsSpan(0, length), expected);
            if (!ours.SequenceEqual(expected)) return false;
        }
        return true;
    }
}

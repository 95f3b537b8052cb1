using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto.Bip324;

namespace Drivechain.Benchmarks.Crypto;

/// <summary>
/// BIP324 costs: one packet encrypted and decrypted (length cipher + FSChaCha20Poly1305) for 1 KB and 1 MB
/// contents, and the per-connection key work (ElligatorSwift encoding of a fresh key, x-only ECDH).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class Bip324Benchmarks
{
    private static readonly byte[] Magic = [0xfa, 0xbf, 0xb5, 0xda];
    private Bip324Cipher _sender = null!, _receiver = null!;
    private byte[] _contents = null!, _packet = null!, _decrypted = null!;
    private byte[] _secretKey = null!, _entropy = null!, _theirEncoding = null!, _shared = null!, _encoding = null!;

    [Params(1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sender = Bip324Cipher.CreateRandom();
        _receiver = Bip324Cipher.CreateRandom();
        _sender.Initialize(_receiver.OurEncoding, initiator: true, Magic);
        _receiver.Initialize(_sender.OurEncoding, initiator: false, Magic);
        _contents = RandomNumberGenerator.GetBytes(Size);
        _packet = new byte[Size + Bip324Cipher.Expansion];
        _decrypted = new byte[Size];
        _secretKey = RandomNumberGenerator.GetBytes(32);
        _entropy = RandomNumberGenerator.GetBytes(32);
        _theirEncoding = _receiver.OurEncoding.ToArray();
        _shared = new byte[32];
        _encoding = new byte[64];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _receiver.Dispose();
    }

    /// <summary>Encrypt one packet and decrypt it on the other side.</summary>
    [Benchmark]
    public bool EncryptDecrypt()
    {
        _sender.Encrypt(_contents, [], ignore: false, _packet);
        _receiver.DecryptLength(_packet.AsSpan(0, Bip324Cipher.LengthSize));
        return _receiver.Decrypt(_packet.AsSpan(Bip324Cipher.LengthSize), [], out _, _decrypted);
    }

    /// <summary>x-only ECDH against a peer's ElligatorSwift encoding (decode + scalar multiplication).</summary>
    [Benchmark]
    public bool XOnlyEcdh() => ElligatorSwift.TryComputeXOnlyEcdh(_theirEncoding, _secretKey, _shared);

    /// <summary>Encode a public key with ElligatorSwift (k·G + inversion attempts).</summary>
    [Benchmark]
    public bool Create() => ElligatorSwift.TryCreate(_secretKey, _entropy, _encoding);
}

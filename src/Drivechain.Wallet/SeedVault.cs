using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NBitcoin.Crypto;

namespace Drivechain.Wallet;

/// <summary>
/// Stores a wallet's mnemonic encrypted at rest: key = scrypt(password, salt, N=2^15, r=8, p=1), cipher = AES-256-GCM.
/// The file is written with mode 0600; the mnemonic never touches the disk in the clear.
/// </summary>
public static partial class SeedVault
{
    private const int ScryptN = 1 << 15;
    private const int ScryptR = 8;
    private const int ScryptP = 1;

    /// <summary>Encrypts <paramref name="mnemonic"/> with <paramref name="password"/> into <paramref name="path"/>.</summary>
    public static void Save(string path, string mnemonic, string password)
    {
        ArgumentNullException.ThrowIfNull(password);   // "" = a wallet without passphrase (Core's unencrypted wallet): format kept, no protection
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var key = DeriveKey(password, salt, ScryptN, ScryptR, ScryptP);
        var plain = Encoding.UTF8.GetBytes(mnemonic);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(key, 16))
            aes.Encrypt(nonce, plain, cipher, tag);
        CryptographicOperations.ZeroMemory(plain);
        CryptographicOperations.ZeroMemory(key);
        var file = new SeedFile(1, "scrypt-aes256gcm", ScryptN, ScryptR, ScryptP,
            Convert.ToHexString(salt), Convert.ToHexString(nonce), Convert.ToHexString(cipher), Convert.ToHexString(tag));
        var tmp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(tmp, options))
            JsonSerializer.Serialize(stream, file, SeedJson.Default.SeedFile);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Decrypts the mnemonic; throws <see cref="WalletPassphraseException"/> on a wrong password.</summary>
    public static string Load(string path, string password)
    {
        SeedFile file;
        using (var stream = File.OpenRead(path))
            file = JsonSerializer.Deserialize(stream, SeedJson.Default.SeedFile) ?? throw new InvalidDataException("Empty wallet seed file: " + path);
        var key = DeriveKey(password, Convert.FromHexString(file.Salt), file.N, file.R, file.P);
        var cipher = Convert.FromHexString(file.Cipher);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key, 16);
            aes.Decrypt(Convert.FromHexString(file.Nonce), cipher, Convert.FromHexString(file.Tag), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new WalletPassphraseException("Error: The wallet passphrase entered was incorrect.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
        var mnemonic = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return mnemonic;
    }

    private static byte[] DeriveKey(string password, byte[] salt, int n, int r, int p) =>
        SCrypt.ComputeDerivedKey(Encoding.UTF8.GetBytes(password), salt, n, r, p, null, 32);

    /// <summary>Source-generated (no reflection: the node is published as NativeAOT).</summary>
    [JsonSerializable(typeof(SeedFile))]
    private sealed partial class SeedJson : JsonSerializerContext;

    private sealed record SeedFile(int Version, string Kdf, int N, int R, int P, string Salt, string Nonce, string Cipher, string Tag);
}

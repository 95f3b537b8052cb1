using Drivechain.Wallet;

namespace Drivechain.Wallet.Tests;

public sealed class SeedVaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dc-wallet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_mnemonic_round_trips_and_never_appears_in_the_file()
    {
        var mnemonic = HdKeyChain.GenerateMnemonic();
        var path = Path.Combine(_dir, "seed.json");

        SeedVault.Save(path, mnemonic, "correct horse");

        SeedVault.Load(path, "correct horse").Should().Be(mnemonic);
        var text = File.ReadAllText(path);
        foreach (var word in mnemonic.Split(' ').Where(w => w.Length >= 4))
            text.Should().NotContain(word);
    }

    [Fact]
    public void A_wrong_passphrase_gets_cores_error_and_the_file_is_unchanged()
    {
        var path = Path.Combine(_dir, "seed.json");
        SeedVault.Save(path, HdKeyChain.GenerateMnemonic(), "right");
        var before = File.ReadAllBytes(path);

        var act = () => SeedVault.Load(path, "wrong");

        act.Should().Throw<WalletPassphraseException>().WithMessage("*passphrase entered was incorrect*");
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void The_seed_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        var path = Path.Combine(_dir, "seed.json");

        SeedVault.Save(path, HdKeyChain.GenerateMnemonic(), "pw");

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}

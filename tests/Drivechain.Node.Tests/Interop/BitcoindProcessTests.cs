using Drivechain.Testing.Bitcoind;

namespace Drivechain.Node.Tests.Interop;

public sealed class BitcoindProcessTests
{
    [BitcoindFact]
    public async Task A_real_bitcoind_starts_on_loopback_and_mines_to_its_wallet()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();

        var hashes = await core.GenerateToAddressAsync(2, address);

        hashes.Should().HaveCount(2);
        (await core.GetBlockCountAsync()).Should().Be(2);
        (await core.GetBestBlockHashAsync()).Should().Be(hashes[^1]);
    }
}

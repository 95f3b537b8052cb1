using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Cli.Tests.Replay;

public class DebugTests
{
    [Fact]
    public void Debug()
    {
        var chain = ChainManager.CreateInMemory(Network.Regtest, Drivechain.Consensus.DrivechainParams.ForNetwork("regtest"), Secp256k1Provider.CreateDefault());
        var hex = System.Text.Json.JsonDocument.Parse(File.ReadAllText("/work/shared/vectors/drivechain/pub-activation.json")).RootElement.GetProperty("blocks")[0].GetProperty("hex").GetString()!;
        var block = Block.Parse(hex);
        var r = chain.SubmitBlock(block);
        $"{chain.Tip.Hash} {Network.Regtest.GenesisHash} {block.Header.PreviousBlockHash} {r}".Should().Be("");
    }
}

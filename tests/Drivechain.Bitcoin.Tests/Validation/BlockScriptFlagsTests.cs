using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class BlockScriptFlagsTests
{
    private const ScriptVerifyFlags Always = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;

    [Fact]
    public void Regtest_from_height_1_has_every_consensus_flag()
    {
        BlockScriptFlags.Get(1, UInt256.Zero, Network.Regtest).Should().Be(Always | ScriptVerifyFlags.DerSig
            | ScriptVerifyFlags.CheckLockTimeVerify | ScriptVerifyFlags.CheckSequenceVerify | ScriptVerifyFlags.NullDummy);
    }

    [Fact]
    public void Mainnet_flags_follow_the_buried_deployment_heights()
    {
        var main = Network.Main;
        BlockScriptFlags.Get(363_724, UInt256.Zero, main).Should().Be(Always);
        BlockScriptFlags.Get(363_725, UInt256.Zero, main).Should().Be(Always | ScriptVerifyFlags.DerSig);
        BlockScriptFlags.Get(388_381, UInt256.Zero, main).Should().HaveFlag(ScriptVerifyFlags.CheckLockTimeVerify);
        BlockScriptFlags.Get(419_327, UInt256.Zero, main).Should().NotHaveFlag(ScriptVerifyFlags.CheckSequenceVerify);
        BlockScriptFlags.Get(419_328, UInt256.Zero, main).Should().HaveFlag(ScriptVerifyFlags.CheckSequenceVerify);
        BlockScriptFlags.Get(481_823, UInt256.Zero, main).Should().NotHaveFlag(ScriptVerifyFlags.NullDummy);
        BlockScriptFlags.Get(481_824, UInt256.Zero, main).Should().HaveFlag(ScriptVerifyFlags.NullDummy);
    }

    [Fact]
    public void Historical_exception_blocks_get_Cores_reduced_flags()
    {
        var bip16 = UInt256.Parse("00000000000002dc756eebf4f49723ed8d30cc28a5f108eb94b1ba88ac4f9c22");
        var taproot = UInt256.Parse("0000000000000000000f14c35b2d841e986ab5441de8c585d5ffe55ea1e395ad");

        BlockScriptFlags.Get(170_060, bip16, Network.Main).Should().Be(ScriptVerifyFlags.None);
        BlockScriptFlags.Get(692_261, taproot, Network.Main).Should().Be(ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness
            | ScriptVerifyFlags.DerSig | ScriptVerifyFlags.CheckLockTimeVerify | ScriptVerifyFlags.CheckSequenceVerify | ScriptVerifyFlags.NullDummy);
    }
}

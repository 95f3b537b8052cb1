using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;
using Drivechain.Node.Mining;

namespace Drivechain.Node.Wallet;

/// <summary>
/// Checks a blinded M6 from a sidechain (no inputs; output 0 = <c>OP_RETURN &lt;8-byte big-endian fee&gt;</c> with value 0;
/// payouts after) and hands it to the miner policy, which proposes it (M3), votes for it and pays it out (M6) once
/// approved — what RPC <c>receivewithdrawalbundle</c> does. Bad input is a <see cref="WalletException"/> (-8), nothing queued.
/// </summary>
public static class WithdrawalBundleIntake
{
    public static ReceivedBundle Submit(MinerPolicy policy, DrivechainState state, byte slot, Transaction blinded)
    {
        if (!blinded.Inputs.IsEmpty) throw Invalid("a blinded M6 has no inputs");
        var first = blinded.Outputs.IsEmpty ? null : blinded.Outputs[0];
        if (blinded.Outputs.Length < 2 || first!.Value.Satoshis != 0 || first.ScriptPubKey.Length != 10
            || first.ScriptPubKey.Span[0] != 0x6a || first.ScriptPubKey.Span[1] != 0x08)
            throw Invalid("output 0 must be OP_RETURN <8-byte fee> with value 0, followed by at least one payout");
        if (blinded.Outputs.Skip(1).Sum(o => o.Value.Satoshis) <= 0) throw Invalid("the bundle pays out nothing");
        if (!state.IsActive(slot)) throw Invalid($"slot {slot} has no active sidechain");
        if (state.GetCtip(slot) is null) throw Invalid($"slot {slot} has no treasury (CTIP) yet");
        var bundle = new ReceivedBundle(slot, blinded);
        policy.AddBundle(bundle);
        return bundle;
    }

    private static WalletException Invalid(string message) => new(-8, message);
}

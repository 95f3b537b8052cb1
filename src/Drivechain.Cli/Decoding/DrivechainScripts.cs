using Drivechain.Consensus.Messages;

namespace Drivechain.Cli.Decoding;

/// <summary>
/// Names the drivechain script shapes of spec §2 for display, using the consensus library's own parsers
/// (so <c>decode</c> recognises exactly what the node does): coinbase messages, treasury, deposit address, M8.
/// </summary>
internal static class DrivechainScripts
{
    /// <summary>A coinbase message (§2.1) described for display, or null.</summary>
    public static DrivechainMessage? TryCoinbaseMessage(ReadOnlySpan<byte> script)
    {
        if (!CoinbaseMessage.TryParse(new Bitcoin.Scripting.Script(script.ToArray()), out var message)) return null;
        return message switch
        {
            M1ProposeSidechain m1 => new DrivechainMessage("M1", "propose sidechain", [("slot", m1.Slot),
                ("descriptionHex", Convert.ToHexStringLower(m1.Description.AsSpan())), ("descriptionHash", m1.DescriptionHash.ToString())]),
            M2AckSidechain m2 => new DrivechainMessage("M2", "ACK sidechain proposal", [("slot", m2.Slot), ("descriptionHash", m2.DescriptionHash.ToString())]),
            M3ProposeBundle m3 => new DrivechainMessage("M3", "propose withdrawal bundle", [("slot", m3.Slot), ("m6id", m3.M6Id.ToString())]),
            M4AckBundles m4 => DescribeM4(m4),
            M7BmmAccept m7 => new DrivechainMessage("M7", "BMM accept", [("slot", m7.Slot), ("commitment", m7.SidechainBlockHash.ToInternalHex())]),
            _ => new DrivechainMessage(message.GetType().Name, "coinbase message", []),
        };
    }

    private static DrivechainMessage DescribeM4(M4AckBundles m4)
    {
        var (version, meaning) = m4.Version switch
        {
            M4Version.RepeatPrevious => (0, "ACK bundles: repeat previous"),
            M4Version.VotesOneByte => (1, "ACK bundles: one-byte votes"),
            M4Version.VotesTwoBytes => (2, "ACK bundles: two-byte votes"),
            _ => (3, "ACK bundles: upvote leading by 50"),
        };
        if (version is 0 or 3) return new DrivechainMessage("M4", meaning, [("version", version)]);
        var votes = m4.Votes.Select(v => v switch
        {
            M4AckBundles.Abstain => "abstain",
            M4AckBundles.Alarm => "alarm",
            _ => (object)(int)v,
        }).ToList();
        return new DrivechainMessage("M4", meaning, [("version", version), ("votes", votes)]);
    }

    /// <summary>§2.3: <c>6a</c> and exactly one push.</summary>
    public static bool TryGetOpReturnPayload(ReadOnlySpan<byte> script, out ReadOnlySpan<byte> payload) =>
        DepositAddress.TryParse(script, out payload);

    /// <summary>§2.2: exactly <c>b4 01 S 51</c>.</summary>
    public static bool IsTreasury(ReadOnlySpan<byte> script, out byte slot) => TreasuryScript.TryParse(script, out slot);

    /// <summary>§2.4: exactly <c>6a 44 00bf00 S H(32) P(32)</c>.</summary>
    public static DrivechainMessage? TryM8(ReadOnlySpan<byte> script) =>
        M8BmmRequest.TryParse(script, out var m8)
            ? new DrivechainMessage("M8", "BMM request", [("slot", m8.Slot),
                ("commitment", m8.SidechainBlockHash.ToInternalHex()), ("prevBlock", m8.PreviousMainchainBlockHash.ToString())])
            : null;
}

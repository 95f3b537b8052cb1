using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;

namespace Drivechain.Node.Mempool;

public sealed partial class NodeMempool
{
    /// <summary>
    /// Core's IsStandardTx: version 1–3, weight, scriptSig size and push-only, standard output scripts (plus the
    /// drivechain treasury script), OP_RETURN size, dust. Several OP_RETURN outputs are allowed (multi-slot deposits).
    /// </summary>
    internal static string? CheckStandard(Transaction tx)
    {
        if (tx.Version is < 1 or > 3) return "version";
        if (tx.Weight > StandardPolicy.MaxStandardTxWeight) return "tx-size";
        if (tx.BaseSize < StandardPolicy.MinStandardTxNonWitnessSize) return "tx-size-small";
        foreach (var input in tx.Inputs)
        {
            if (input.ScriptSig.Length > StandardPolicy.MaxStandardScriptSigSize) return "scriptsig-size";
            if (!Script.IsPushOnly(input.ScriptSig.Span)) return "scriptsig-not-pushonly";
        }
        foreach (var output in tx.Outputs)
        {
            var kind = output.ScriptPubKey.GetTemplate().Kind;
            if (kind == ScriptTemplateKind.NonStandard && !TreasuryScript.TryParse(output.ScriptPubKey.Span, out _)) return "scriptpubkey";
            if (kind == ScriptTemplateKind.NullData && output.ScriptPubKey.Length > StandardPolicy.MaxOpReturnRelay) return "scriptpubkey";
            if (kind != ScriptTemplateKind.NullData && output.Value.Satoshis < StandardPolicy.DustThreshold(output)) return "dust";
        }
        return null;
    }
}

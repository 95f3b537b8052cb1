namespace Drivechain.Node.Mempool;

/// <summary>Why a transaction was not accepted, in the classes Core's RPCs map to error codes.</summary>
public enum MempoolRejectKind
{
    None,
    /// <summary>Invalid or non-standard (RPC_VERIFY_REJECTED, -26).</summary>
    Invalid,
    /// <summary>Inputs missing or spent (RPC_VERIFY_ERROR, -25).</summary>
    MissingInputs,
    /// <summary>Already in the pool: sendrawtransaction answers with the txid.</summary>
    AlreadyInMempool,
    /// <summary>Outputs already in the UTXO set (RPC_VERIFY_ALREADY_IN_CHAIN, -27).</summary>
    AlreadyInChain,
}

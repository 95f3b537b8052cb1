using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// Core's script execution cache: transactions whose input scripts were already verified under flags at least as strict
/// as a block's (a mempool verifies under the standard flags, a superset of every height's consensus flags).
/// <see cref="BlockValidation.ConnectBlock"/> does not run their scripts again; every other check still applies.
/// </summary>
public interface IScriptExecutionCache
{
    /// <summary>True when every input script of <paramref name="tx"/> is known to verify.</summary>
    bool IsVerified(Transaction tx);
}

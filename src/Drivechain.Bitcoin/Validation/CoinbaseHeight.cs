using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Validation;

/// <summary>BIP34: the block height at the start of the coinbase scriptSig.</summary>
public static class CoinbaseHeight
{
    /// <summary>
    /// The exact prefix BIP34 requires, Core's <c>CScript() &lt;&lt; height</c>: OP_0 for 0, OP_1 … OP_16 for 1 … 16,
    /// otherwise a push of the minimal script-number encoding (e.g. 17 → 01 11, 500 → 02 f4 01).
    /// </summary>
    public static Script Encode(int height) => new ScriptBuilder().Push(height).ToScript();

    /// <summary>True when <paramref name="scriptSig"/> starts with <see cref="Encode"/>(<paramref name="height"/>).</summary>
    public static bool HasPrefix(Script scriptSig, int height) => scriptSig.Span.StartsWith(Encode(height).Span);
}

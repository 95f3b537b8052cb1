using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

namespace Drivechain.Cli.Decoding;

/// <summary>The M6ID of spec §4.7.2, through the consensus library's <see cref="M6Id"/>.</summary>
internal static class M6IdCalculator
{
    /// <summary>Computes the M6ID of <paramref name="m6"/> spending a CTIP worth <paramref name="ctipValue"/>; false with a reason.</summary>
    public static bool TryCompute(Transaction m6, long ctipValue, out UInt256 m6Id, out string? error)
    {
        m6Id = default;
        if (m6.Outputs.IsEmpty) { error = "the transaction has no outputs (an M6 has the treasury at output 0)"; return false; }
        if (!Money.InRange(ctipValue)) { error = $"the CTIP value {ctipValue} is out of range"; return false; }
        if (!M6Id.TryCompute(m6, new Money(ctipValue), out var id, out _))
        {
            var outputs = m6.Outputs.Sum(o => (decimal)o.Value.Satoshis);
            error = $"outputs ({outputs} sat) exceed the CTIP value ({ctipValue} sat): M6_INSUFFICIENT_TREASURY";
            return false;
        }
        m6Id = id.Hash;
        error = null;
        return true;
    }
}

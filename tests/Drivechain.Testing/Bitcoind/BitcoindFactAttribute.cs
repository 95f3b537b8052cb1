using Xunit;

namespace Drivechain.Testing.Bitcoind;

/// <summary>
/// A test that needs the real bitcoind: skipped, with the path in the reason, when it is absent; run (and so failing)
/// when <c>DRIVECHAIN_REQUIRE_BITCOIND=1</c>.
/// </summary>
public sealed class BitcoindFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when bitcoind is missing and not required.</summary>
    public BitcoindFactAttribute()
    {
        if (!BitcoindBinary.IsAvailable && !BitcoindBinary.IsRequired)
            Skip = $"needs Bitcoin Core: no bitcoind at {BitcoindBinary.ExpectedPath} (set {BitcoindBinary.PathVariable})";
    }
}

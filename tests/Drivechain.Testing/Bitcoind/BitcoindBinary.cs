namespace Drivechain.Testing.Bitcoind;

/// <summary>
/// Finds the real Bitcoin Core used by interop tests: <c>BITCOIND</c> when set, else <c>../shared/bin/bitcoind</c> beside
/// the checkout. When it is missing, tests marked <see cref="BitcoindFactAttribute"/> are skipped and say so, unless
/// <c>DRIVECHAIN_REQUIRE_BITCOIND=1</c>: then they run and fail with the path they looked at.
/// </summary>
public static class BitcoindBinary
{
    /// <summary>Overrides the path of the bitcoind executable.</summary>
    public const string PathVariable = "BITCOIND";

    /// <summary>Set to 1 (CI does) to turn a missing bitcoind into failures instead of skips.</summary>
    public const string RequireVariable = "DRIVECHAIN_REQUIRE_BITCOIND";

    /// <summary>Where bitcoind is looked for.</summary>
    public static string ExpectedPath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrEmpty(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
            return Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "bin", "bitcoind"));
        }
    }

    /// <summary>True when the executable exists.</summary>
    public static bool IsAvailable => File.Exists(ExpectedPath);

    /// <summary>True when a missing bitcoind must fail tests (<c>DRIVECHAIN_REQUIRE_BITCOIND=1</c>).</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The path of the executable; throws with the path looked at when it is missing.</summary>
    public static string Require() => IsAvailable
        ? ExpectedPath
        : throw new FileNotFoundException(
            $"bitcoind not found at {ExpectedPath} (set {PathVariable}, or put Bitcoin Core in ../shared/bin beside the checkout)",
            ExpectedPath);
}

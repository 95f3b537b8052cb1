using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Builds the node's configuration: <c>&lt;datadir&gt;/drivechain.conf</c> (global part, then the selected chain's
/// section), then <c>DRIVECHAIN_*</c> environment variables, then the command line (highest priority).
/// Boolean settings accept Core's 1/0 as well as true/false.
/// </summary>
public static class NodeConfiguration
{
    public const string EnvironmentPrefix = "DRIVECHAIN_";

    private static readonly string[] BooleanKeys = ["regtest", "signet", "testnet4", "mainnet", "ackallproposals", "reindex", "stopafterblockimport", "dashboard", "listen", "v2transport", "grpc", "grpcallowexternal", "disablewallet"];

    /// <param name="commandLine">Settings given on the command line, keyed by Core name (<c>rpcport</c>, <c>regtest</c>…).</param>
    /// <param name="environment">Environment variables (default: the process's).</param>
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?> commandLine, IDictionary? environment = null)
    {
        var env = ReadEnvironment(environment ?? Environment.GetEnvironmentVariables());
        var cli = commandLine.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

        var dataDir = Lookup("datadir", cli, env, null) ?? ChainDefaults.DefaultDataDirectory();
        var confPath = Lookup("conf", cli, env, null) is { } explicitConf
            ? explicitConf
            : Path.Combine(NodeOptions.ExpandHome(dataDir), ConfFile.FileName);
        var conf = ConfFile.Load(NodeOptions.ExpandHome(confPath));

        // The chain decides which conf section applies; resolve it from the layers before building.
        var probe = new NodeOptions
        {
            Chain = Lookup("chain", cli, env, conf.Global),
            Regtest = IsTrue(Lookup("regtest", cli, env, conf.Global)),
            Signet = IsTrue(Lookup("signet", cli, env, conf.Global)),
            Testnet4 = IsTrue(Lookup("testnet4", cli, env, conf.Global)),
            Mainnet = IsTrue(Lookup("mainnet", cli, env, conf.Global)),
        };
        var section = probe.TryResolveChain(out var chain, out _)
            ? conf.ForChain(ChainDefaults.Name(chain))
            : new Dictionary<string, string>();

        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(Normalize(conf.Global))
            .AddInMemoryCollection(Normalize(section))
            .AddInMemoryCollection(Normalize(env))
            .AddInMemoryCollection(Normalize(cli))
            .Build();
        return root;
    }

    /// <summary>
    /// Settings that no option knows (a typo in drivechain.conf, a <c>DRIVECHAIN_*</c> variable of another version): Core
    /// warns about them and carries on; so does the node.
    /// </summary>
    public static IReadOnlyList<string> UnknownKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Besides the options: conf, and the keys the generic host adds itself.
        var known = typeof(NodeOptions).GetProperties().Select(p => p.Name)
            .Concat(["conf", "contentRoot", "environment", "applicationName"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. configuration.GetChildren().Select(c => c.Key).Where(key => !known.Contains(key)).Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, string?> ReadEnvironment(IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                values[name[EnvironmentPrefix.Length..]] = entry.Value as string;
        }
        return values;
    }

    private static string? Lookup(string key, Dictionary<string, string?> cli, Dictionary<string, string?> env,
        IReadOnlyDictionary<string, string>? conf)
    {
        if (cli.TryGetValue(key, out var fromCli) && fromCli is not null) return fromCli;
        if (env.TryGetValue(key, out var fromEnv) && fromEnv is not null) return fromEnv;
        return conf is not null && conf.TryGetValue(key, out var fromConf) ? fromConf : null;
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<KeyValuePair<string, string?>> Normalize<TValue>(IEnumerable<KeyValuePair<string, TValue>> values)
        where TValue : class?
    {
        foreach (var (key, raw) in values)
        {
            var value = raw as string;
            if (value is not null && BooleanKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                value = value switch { "1" or "" => "true", "0" => "false", _ => value };
            yield return new(key, value);
        }
    }
}

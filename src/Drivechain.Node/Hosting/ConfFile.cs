namespace Drivechain.Node.Hosting;

/// <summary>
/// Reads a Core-style <c>drivechain.conf</c>: <c>key=value</c> lines, <c>#</c> comments, a bare <c>key</c> meaning 1,
/// and per-chain settings in a <c>[regtest]</c> section or as <c>regtest.key=value</c>.
/// </summary>
public sealed class ConfFile
{
    private readonly Dictionary<string, string> _global = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _sections = new(StringComparer.OrdinalIgnoreCase);

    public const string FileName = "drivechain.conf";

    public IReadOnlyDictionary<string, string> Global => _global;

    public static ConfFile Parse(string text, string sourceName)
    {
        var conf = new ConfFile();
        string? section = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Trim();
                continue;
            }
            var eq = line.IndexOf('=');
            var key = (eq < 0 ? line : line[..eq]).Trim();
            var value = eq < 0 ? "1" : line[(eq + 1)..].Trim();
            if (key.Length == 0 || key.StartsWith('-'))
                throw new FormatException($"{sourceName}:{lineNumber}: cannot parse '{rawLine.Trim()}' (expected key=value)");
            var dot = key.IndexOf('.');
            if (dot > 0)
                conf.Section(key[..dot])[key[(dot + 1)..]] = value;
            else if (section is null)
                conf._global[key] = value;
            else
                conf.Section(section)[key] = value;
        }
        return conf;
    }

    public static ConfFile Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : new ConfFile();

    public IReadOnlyDictionary<string, string> ForChain(string chainName) =>
        _sections.TryGetValue(chainName, out var values) ? values : new Dictionary<string, string>();

    private Dictionary<string, string> Section(string name)
    {
        if (!_sections.TryGetValue(name, out var values))
            _sections[name] = values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return values;
    }
}

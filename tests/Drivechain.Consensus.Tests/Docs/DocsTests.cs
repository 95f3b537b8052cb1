using System.Text.RegularExpressions;
using Drivechain.Testing.Vectors;

namespace Drivechain.Consensus.Tests.Docs;

public class DocsTests
{
    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Drivechain.sln"))) return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException($"Drivechain.sln not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void Rules_md_lists_the_stages_in_the_validators_order()
    {
        var text = File.ReadAllText(RepoFile("docs/rules.md"));
        var listed = Regex.Matches(text, @"^\d+\. `(\w+)`", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var actual = new DrivechainValidator(DrivechainParams.Short).Stages.Select(s => s.GetType().Name).ToList();
        listed.Should().Equal(actual);
    }

    [Fact]
    public void Rules_md_has_a_row_for_every_reject_code()
    {
        var rows = File.ReadAllLines(RepoFile("docs/rules.md")).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        foreach (var code in RejectCodes.All)
            rows.Should().Contain(r => r.Contains($"`{code.ToWireString()}`", StringComparison.Ordinal), code.ToWireString());
    }

    [Fact]
    public void Rules_md_names_only_classes_that_exist()
    {
        var classColumn = File.ReadAllLines(RepoFile("docs/rules.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Spec", StringComparison.Ordinal))
            .Select(l => l.Split('|')[3]).Where(c => !c.Contains("base layer", StringComparison.Ordinal));
        var types = typeof(DrivechainValidator).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        var named = classColumn.SelectMany(c => Regex.Matches(c, @"`([A-Z]\w+)(?:\.\w+)?`").Select(m => m.Groups[1].Value)).Distinct().ToList();
        named.Should().NotBeEmpty();
        named.Where(n => !types.Contains(n)).Should().BeEmpty();
    }

    [Fact]
    public void Every_message_kind_has_exactly_one_rule_and_rules_md_names_it()
    {
        var types = typeof(DrivechainValidator).Assembly.GetTypes();
        var kinds = types.Where(t => t.IsSubclassOf(typeof(Consensus.Messages.CoinbaseMessage)) && !t.IsAbstract).Append(typeof(Consensus.Messages.M8BmmRequest)).ToList();
        var text = File.ReadAllText(RepoFile("docs/rules.md"));

        kinds.Should().HaveCount(6);
        foreach (var kind in kinds)
        {
            var rules = types.Where(t => t.GetInterfaces().Contains(typeof(Consensus.Rules.IMessageRule<>).MakeGenericType(kind))).ToList();
            rules.Should().ContainSingle($"{kind.Name} needs one rule");
            text.Should().Contain($"`{rules[0].Name}`", $"docs/rules.md names the rule for {kind.Name}");
        }
    }

    [Fact]
    public void Every_reject_code_in_rules_md_is_raised_by_a_class_its_row_names()
    {
        var members = RejectCodes.All.ToDictionary(c => c.ToWireString(), c => c.ToString());
        var sources = Directory.GetFiles(RepoFile("src/Drivechain.Consensus"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .GroupBy(f => Path.GetFileName(f).Split('.')[0])        // Type.cs and partials Type.Part.cs
            .ToDictionary(g => g.Key, g => string.Concat(g.Select(File.ReadAllText)));
        var rows = File.ReadAllLines(RepoFile("docs/rules.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Spec", StringComparison.Ordinal))
            .Select(l => l.Split('|'))
            .Where(cells => !cells[3].Contains("base layer", StringComparison.Ordinal));
        var checkedCodes = 0;
        foreach (var cells in rows)
        {
            var classes = Regex.Matches(cells[3], @"`([A-Z]\w+)").Select(m => m.Groups[1].Value).ToList();
            foreach (var code in Regex.Matches(cells[4], @"`([A-Z0-9_]+)`").Select(m => m.Groups[1].Value))
            {
                members.Should().ContainKey(code);
                var raisedBy = classes.Where(c => sources.TryGetValue(c, out var text)
                    && text.Contains($"RejectCode.{members[code]}", StringComparison.Ordinal)).ToList();
                raisedBy.Should().NotBeEmpty($"{code} is listed for {string.Join(", ", classes)} in docs/rules.md");
                checkedCodes++;
            }
        }
        checkedCodes.Should().BeGreaterThanOrEqualTo(RejectCodes.All.Length - 1);   // all but BASE
    }

    [Fact]
    public void Embedding_md_shows_exactly_the_code_of_the_example()
    {
        var doc = File.ReadAllText(RepoFile("docs/embedding.md"));
        var docCode = Regex.Match(doc, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var source = File.ReadAllText(RepoFile("tests/Drivechain.Consensus.Tests/Docs/EmbeddingExample.cs"));
        var example = Regex.Match(source, @"// <example>\n(.*?)\n\s*// </example>", RegexOptions.Singleline).Groups[1].Value;
        Normalize(docCode).Should().Be(Normalize(example));
    }

    [Fact]
    public void The_embedding_example_replays_the_activation_vector()
    {
        var raw = DrivechainVectors.Read(VectorPaths.File("drivechain", "pub-activation.json")).Blocks.Select(b => b.Bytes.ToArray()).ToList();
        var output = new StringWriter();
        var state = EmbeddingExample.Run(raw, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(raw.Count + 1);
        lines.Take(raw.Count).Should().OnlyContain(l => l.Contains(" accepted, digest ", StringComparison.Ordinal));
        lines[^1].Should().Be("active sidechains: 1");
        lines[^2].Should().EndWith(state.ComputeDigest().ToString());
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}

using System.Text.Json;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>One test of Core's tx_valid.json / tx_invalid.json (README §7).</summary>
internal sealed record TxTestCase(int Index, string Comment, Transaction Tx, IReadOnlyList<TxOut> SpentOutputs, string FlagsText)
{
    private static readonly Lazy<TxTestCase[]> Valid = new(() => Load("tx_valid.json"));
    private static readonly Lazy<TxTestCase[]> Invalid = new(() => Load("tx_invalid.json"));

    public static IReadOnlyList<TxTestCase> ValidCases => Valid.Value;
    public static IReadOnlyList<TxTestCase> InvalidCases => Invalid.Value;

    public static TheoryData<int, string> Rows(IReadOnlyList<TxTestCase> cases)
    {
        var data = new TheoryData<int, string>();
        foreach (var c in cases) data.Add(c.Index, c.Comment.Length > 80 ? c.Comment[..80] : c.Comment);
        return data;
    }

    private static TxTestCase[] Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorPaths.File("bitcoin-core", file)));
        var cases = new List<TxTestCase>();
        string comment = "";
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            var fields = row.EnumerateArray().ToArray();
            if (fields.Length == 1)
            {
                comment = fields[0].GetString() ?? "";
                continue;
            }
            var prevouts = new Dictionary<OutPoint, TxOut>();
            foreach (var prevout in fields[0].EnumerateArray())
            {
                var p = prevout.EnumerateArray().ToArray();
                uint index = p[1].GetInt64() == -1 ? uint.MaxValue : (uint)p[1].GetInt64();
                long amount = p.Length > 3 ? p[3].GetInt64() : 0;
                prevouts[new OutPoint(UInt256.Parse(p[0].GetString()!), index)] = new TxOut(new Money(amount), ScriptAssembly.Parse(p[2].GetString()!));
            }
            var tx = Transaction.Parse(fields[1].GetString()!);
            var spent = tx.Inputs.Select(i => prevouts[i.PrevOut]).ToArray();
            cases.Add(new TxTestCase(cases.Count, comment, tx, spent, fields[2].GetString()!));
        }
        return [.. cases];
    }

    /// <summary>The listed flags (the pseudo-flag BADTX is not part of them).</summary>
    public ScriptVerifyFlags ListedFlags => ScriptVerifyFlagNames.Parse(FlagsText.Replace("BADTX", "", StringComparison.Ordinal));

    public bool IsBadTx => FlagsText.Split(',').Contains("BADTX");

    /// <summary>True when every input verifies under <paramref name="flags"/>; the failing input's error otherwise.</summary>
    public bool AllInputsVerify(ScriptVerifyFlags flags, ISecp256k1 secp, out string failure)
    {
        var data = new PrecomputedTransactionData(Tx, SpentOutputs);
        for (int i = 0; i < Tx.Inputs.Length; i++)
        {
            if (!ScriptVerifier.VerifyInput(data, i, flags, secp, out var error))
            {
                failure = $"input {i}: {error.ToCoreName()}";
                return false;
            }
        }
        failure = "";
        return true;
    }

    /// <summary>Core's TrimFlags: WITNESS needs P2SH, CLEANSTACK needs WITNESS.</summary>
    public static ScriptVerifyFlags Trim(ScriptVerifyFlags flags)
    {
        if ((flags & ScriptVerifyFlags.P2SH) == 0) flags &= ~ScriptVerifyFlags.Witness;
        if ((flags & ScriptVerifyFlags.Witness) == 0) flags &= ~ScriptVerifyFlags.CleanStack;
        return flags;
    }

    /// <summary>Core's FillFlags: CLEANSTACK adds WITNESS, WITNESS adds P2SH.</summary>
    public static ScriptVerifyFlags Fill(ScriptVerifyFlags flags)
    {
        if ((flags & ScriptVerifyFlags.CleanStack) != 0) flags |= ScriptVerifyFlags.Witness;
        if ((flags & ScriptVerifyFlags.Witness) != 0) flags |= ScriptVerifyFlags.P2SH;
        return flags;
    }

    /// <summary>Core's ExcludeIndividualFlags.</summary>
    public static IEnumerable<ScriptVerifyFlags> ExcludeIndividualFlags(ScriptVerifyFlags flags)
    {
        for (int bit = 0; bit < 21; bit++)
        {
            var excluding = Trim(flags & ~(ScriptVerifyFlags)(1u << bit));
            if (excluding != flags) yield return excluding;
        }
    }
}

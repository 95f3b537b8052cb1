using Drivechain.Bitcoin.Tests.Crypto;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>Core's script_tests.json through <see cref="ScriptVerifier.VerifyScript"/>, error for error.</summary>
public class ScriptVerifierScriptTestsTests
{
    public static TheoryData<int, string> Rows() => ScriptTestCase.Rows();

    /// <summary>Every row once per backend (see <see cref="Secp256k1Backends.Names"/>).</summary>
    public static TheoryData<string, int, string> RowsPerBackend()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var backend in Secp256k1Backends.Names)
            foreach (var row in Rows())
                data.Add(backend, (int)row[0], (string)row[1]);
        return data;
    }

    [Theory]
    [MemberData(nameof(RowsPerBackend))]
    public void Script_test_gives_the_expected_result(string backend, int index, string comment)
    {
        var test = ScriptTestCase.Cases[index];
        var secp = Secp256k1Backends.Get(backend);
        var built = test.Build(secp);

        built.Verify(test.Flags, secp, out var error);

        error.ToCoreName().Should().Be(test.Expected, $"row {index} ({comment}), flags {test.FlagsText}");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Ok_tests_stay_ok_with_random_flag_subsets_and_failures_stay_failures_with_supersets(int index, string comment)
    {
        var test = ScriptTestCase.Cases[index];
        var secp = Secp256k1Backends.Preferred;
        var built = test.Build(secp);
        var flags = test.Flags;
        var random = new Random(index);
        bool ok = test.Expected == "OK";
        int checkedSets = 0;
        for (int i = 0; i < 256; i++)
        {
            var mask = (ScriptVerifyFlags)(uint)random.Next() & ScriptVerifyFlags.All;
            var candidate = ok ? flags & mask : flags | mask;
            if ((candidate & ScriptVerifyFlags.Witness) != 0 && (candidate & ScriptVerifyFlags.P2SH) == 0) continue;
            if ((candidate & ScriptVerifyFlags.CleanStack) != 0 && (candidate & ScriptVerifyFlags.Witness) == 0) continue;
            checkedSets++;
            built.Verify(candidate, secp, out var error).Should().Be(ok,
                $"row {index} ({comment}) with flags {ScriptVerifyFlagNames.Format(candidate)} gave {error.ToCoreName()}");
        }
        checkedSets.Should().BeGreaterThan(0);
    }
}

using Drivechain.Bitcoin.Tests.Crypto;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>Core's tx_valid.json and tx_invalid.json through CheckTransaction and <see cref="ScriptVerifier.VerifyInput"/>.</summary>
public class ScriptVerifierTxVectorTests
{
    public static TheoryData<int, string> ValidRows() => TxTestCase.Rows(TxTestCase.ValidCases);
    public static TheoryData<int, string> InvalidRows() => TxTestCase.Rows(TxTestCase.InvalidCases);
    public static TheoryData<string> BackendNames() => [.. Secp256k1Backends.Names];

    private static ScriptVerifyFlags ValidFlags(TxTestCase test) => ScriptVerifyFlags.All & ~test.ListedFlags;

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Valid_transaction_passes_CheckTransaction_and_every_input_verifies_on_both_backends(int index, string comment)
    {
        var test = TxTestCase.ValidCases[index];
        TransactionCheck.Check(test.Tx).Should().BeNull(comment);
        ValidFlags(test).Should().Be(TxTestCase.Fill(ValidFlags(test)), "the flag set left after exclusion is consistent");
        foreach (var backend in Secp256k1Backends.Names)
            test.AllInputsVerify(ValidFlags(test), Secp256k1Backends.Get(backend), out var failure).Should().BeTrue($"{backend}: {failure} ({comment})");
    }

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Valid_transaction_stays_valid_when_further_flags_are_removed(int index, string comment)
    {
        var test = TxTestCase.ValidCases[index];
        var secp = Secp256k1Backends.Preferred;
        var random = new Random(index);
        for (int bit = 0; bit < 21; bit++)
        {
            var single = TxTestCase.Trim(ScriptVerifyFlags.All & ~(test.ListedFlags | (ScriptVerifyFlags)(1u << bit)));
            test.AllInputsVerify(single, secp, out var failure).Should().BeTrue($"{ScriptVerifyFlagNames.Format(single)}: {failure} ({comment})");
            var randomSet = TxTestCase.Trim(ScriptVerifyFlags.All & ~(test.ListedFlags | (ScriptVerifyFlags)(uint)random.Next(1 << 21)));
            test.AllInputsVerify(randomSet, secp, out failure).Should().BeTrue($"{ScriptVerifyFlagNames.Format(randomSet)}: {failure} ({comment})");
        }
    }

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Valid_transaction_excludes_only_the_flags_it_needs_to(int index, string comment)
    {
        var test = TxTestCase.ValidCases[index];
        var secp = Secp256k1Backends.Preferred;
        foreach (var excluding in TxTestCase.ExcludeIndividualFlags(test.ListedFlags))
        {
            var flags = ScriptVerifyFlags.All & ~excluding;
            test.AllInputsVerify(flags, secp, out _).Should().BeFalse($"putting back a flag ({ScriptVerifyFlagNames.Format(flags)}) must fail ({comment})");
        }
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Invalid_transaction_fails_CheckTransaction_or_some_input_on_both_backends(int index, string comment)
    {
        var test = TxTestCase.InvalidCases[index];
        var reject = TransactionCheck.Check(test.Tx);
        if (test.IsBadTx)
        {
            reject.Should().NotBeNull($"BADTX ({comment})");
            return;
        }
        reject.Should().BeNull($"only BADTX cases may fail CheckTransaction ({comment})");
        test.ListedFlags.Should().Be(TxTestCase.Fill(test.ListedFlags), "the listed set is consistent");
        foreach (var backend in Secp256k1Backends.Names)
            test.AllInputsVerify(test.ListedFlags, Secp256k1Backends.Get(backend), out _).Should().BeFalse($"{backend} ({comment})");
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Invalid_transaction_needs_each_listed_flag_and_stays_invalid_with_more(int index, string comment)
    {
        var test = TxTestCase.InvalidCases[index];
        if (test.IsBadTx) return;
        var secp = Secp256k1Backends.Preferred;
        var random = new Random(index);
        for (int bit = 0; bit < 21; bit++)
        {
            var more = TxTestCase.Fill(test.ListedFlags | (ScriptVerifyFlags)(1u << bit));
            test.AllInputsVerify(more, secp, out _).Should().BeFalse($"{ScriptVerifyFlagNames.Format(more)} ({comment})");
            var randomMore = TxTestCase.Fill(test.ListedFlags | (ScriptVerifyFlags)(uint)random.Next(1 << 21));
            test.AllInputsVerify(randomMore, secp, out _).Should().BeFalse($"{ScriptVerifyFlagNames.Format(randomMore)} ({comment})");
        }
        foreach (var fewer in TxTestCase.ExcludeIndividualFlags(test.ListedFlags))
            test.AllInputsVerify(fewer, secp, out var failure).Should().BeTrue($"without a listed flag ({ScriptVerifyFlagNames.Format(fewer)}) it must pass: {failure} ({comment})");
    }
}

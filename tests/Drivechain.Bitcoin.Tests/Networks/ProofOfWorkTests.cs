using Drivechain.Bitcoin.Networks;

namespace Drivechain.Bitcoin.Tests.Networks;

/// <summary>Core's difficulty rules (pow_tests.cpp) and the testnet/testnet4/regtest variants.</summary>
public class ProofOfWorkTests
{
    /// <summary>A chain given by explicit headers; unknown heights are a test bug.</summary>
    private sealed class FakeChain : IHeaderAncestry
    {
        private readonly Dictionary<int, PowHeader> _headers = [];

        public FakeChain Add(PowHeader header)
        {
            _headers[header.Height] = header;
            return this;
        }

        public int Lookups { get; private set; }

        public PowHeader GetAncestor(int height)
        {
            Lookups++;
            return _headers.TryGetValue(height, out var header) ? header : throw new KeyNotFoundException($"no header at {height}");
        }
    }

    [Theory]
    [InlineData(32255, 1262152739u, 0x1d00ffffu, 1261130161L, 0x1d00d86au)] // get_next_work
    [InlineData(2015, 1233061996u, 0x1d00ffffu, 1231006505L, 0x1d00ffffu)]  // get_next_work_pow_limit
    [InlineData(68543, 1279297671u, 0x1c05a3f4u, 1279008237L, 0x1c0168fdu)] // get_next_work_lower_limit_actual
    [InlineData(46367, 1269211443u, 0x1c387f6fu, 1263163443L, 0x1d00e1fdu)] // get_next_work_upper_limit_actual
    public void Mainnet_retargets_match_cores_pow_tests(int height, uint time, uint bits, long firstTime, uint expected)
    {
        var last = new PowHeader(height, time, bits);

        ProofOfWork.CalculateNextWorkRequired(Network.Main, last, firstTime, bits).Should().Be(expected);
    }

    [Fact]
    public void GetNextWorkRequired_retargets_from_the_block_2015_back()
    {
        var last = new PowHeader(32255, 1262152739, 0x1d00ffff);
        var chain = new FakeChain().Add(new PowHeader(32255 - 2015, 1261130161, 0x1d00ffff)).Add(last);

        Network.Main.GetNextWorkRequired(last, 1262153000, chain).Should().Be(0x1d00d86au);
    }

    [Fact]
    public void Between_retargets_mainnet_keeps_the_parents_bits_even_after_a_long_gap()
    {
        var last = new PowHeader(100, 1_600_000_000, 0x1b0404cb);
        var chain = new FakeChain().Add(last);

        Network.Main.GetNextWorkRequired(last, last.Time + 100_000, chain).Should().Be(0x1b0404cbu);
        chain.Lookups.Should().Be(0);
    }

    [Fact]
    public void Testnet_allows_a_min_difficulty_block_more_than_twenty_minutes_after_its_parent()
    {
        var last = new PowHeader(100, 1_600_000_000, 0x1c0fffff);
        var chain = new FakeChain().Add(last);

        Network.TestNet3.GetNextWorkRequired(last, last.Time + 1201, chain).Should().Be(0x1d00ffffu);
        Network.TestNet3.GetNextWorkRequired(last, last.Time + 1200, chain).Should().Be(0x1c0fffffu);
    }

    [Fact]
    public void Testnet_walks_back_past_min_difficulty_blocks_to_the_real_target()
    {
        var chain = new FakeChain()
            .Add(new PowHeader(97, 1_600_000_000, 0x1c0fffff))
            .Add(new PowHeader(98, 1_600_005_000, 0x1d00ffff))
            .Add(new PowHeader(99, 1_600_010_000, 0x1d00ffff))
            .Add(new PowHeader(100, 1_600_015_000, 0x1d00ffff));
        var last = chain.GetAncestor(100);

        Network.TestNet3.GetNextWorkRequired(last, last.Time + 60, chain).Should().Be(0x1c0fffffu);
    }

    [Fact]
    public void Testnet_walk_back_stops_at_the_first_block_of_the_period()
    {
        var chain = new FakeChain()
            .Add(new PowHeader(2015, 1_600_000_000, 0x1c0fffff))
            .Add(new PowHeader(2016, 1_600_005_000, 0x1d00ffff))
            .Add(new PowHeader(2017, 1_600_010_000, 0x1d00ffff));
        var last = chain.GetAncestor(2017);

        Network.TestNet3.GetNextWorkRequired(last, last.Time + 60, chain).Should().Be(0x1d00ffffu);
    }

    [Fact]
    public void Testnet4_retargets_from_the_first_block_of_the_period_not_a_min_difficulty_last_block()
    {
        // BIP94: the period's last block used the 20-minute exception; its bits must not seed the retarget.
        var first = new PowHeader(2016, 1_600_000_000, 0x1c0fffff);
        var last = new PowHeader(4031, 1_600_000_000 + 14 * 24 * 3600, 0x1d00ffff);
        var chain = new FakeChain().Add(first).Add(last);

        var testnet4 = Network.TestNet4.GetNextWorkRequired(last, last.Time + 600, chain);
        var testnet3 = Network.TestNet3.GetNextWorkRequired(last, last.Time + 600, chain);

        testnet4.Should().Be(0x1c0fffffu, "an exact two-week period keeps the first block's target");
        testnet3.Should().Be(0x1d00ffffu, "testnet3 starts from the last block's (minimum) target");
    }

    [Fact]
    public void Regtest_never_retargets()
    {
        var first = new PowHeader(0, 1_296_688_602, 0x207fffff);
        var last = new PowHeader(2015, 1_296_688_602 + 10, 0x207fffff);
        var chain = new FakeChain().Add(first).Add(last);

        Network.Regtest.GetNextWorkRequired(last, last.Time + 1, chain).Should().Be(0x207fffffu);
        ProofOfWork.CalculateNextWorkRequired(Network.Regtest, last with { Bits = 0x1d00ffff }, first.Time, 0x1d00ffff).Should().Be(0x1d00ffffu);
    }

    [Fact]
    public void Retarget_is_capped_at_the_pow_limit()
    {
        var last = new PowHeader(2015, 1_300_000_000, 0x1d00ffff);

        ProofOfWork.CalculateNextWorkRequired(Network.Main, last, 1_300_000_000 - 100 * 24 * 3600, 0x1d00ffff).Should().Be(0x1d00ffffu);
    }

    [Fact]
    public void Retarget_steps_are_clamped_to_a_factor_of_four()
    {
        var last = new PowHeader(2015, 1_300_000_000, 0x1b0404cb);

        var fast = ProofOfWork.CalculateNextWorkRequired(Network.Main, last, last.Time - 1, 0x1b0404cb);
        var quarter = ProofOfWork.CalculateNextWorkRequired(Network.Main, last, last.Time - 14 * 24 * 3600 / 4, 0x1b0404cb);
        var slow = ProofOfWork.CalculateNextWorkRequired(Network.Main, last, last.Time - 1000 * 24 * 3600, 0x1b0404cb);
        var four = ProofOfWork.CalculateNextWorkRequired(Network.Main, last, last.Time - 14 * 24 * 3600 * 4, 0x1b0404cb);

        fast.Should().Be(quarter);
        slow.Should().Be(four);
        fast.Should().Be(0x1b010132u);
        slow.Should().Be(0x1b10132cu);
    }

    [Fact]
    public void Permitted_transitions_follow_the_retarget_bounds()
    {
        ProofOfWork.PermittedDifficultyTransition(Network.Main, 2016, 0x1b0404cb, 0x1b10132c).Should().BeTrue();
        ProofOfWork.PermittedDifficultyTransition(Network.Main, 2016, 0x1b0404cb, 0x1b10132d).Should().BeFalse();
        ProofOfWork.PermittedDifficultyTransition(Network.Main, 2016, 0x1b0404cb, 0x1b010132).Should().BeTrue();
        ProofOfWork.PermittedDifficultyTransition(Network.Main, 2016, 0x1b0404cb, 0x1b010131).Should().BeFalse();
        ProofOfWork.PermittedDifficultyTransition(Network.Main, 2017, 0x1b0404cb, 0x1b0404cc).Should().BeFalse();
        ProofOfWork.PermittedDifficultyTransition(Network.Main, 2017, 0x1b0404cb, 0x1b0404cb).Should().BeTrue();
        ProofOfWork.PermittedDifficultyTransition(Network.TestNet3, 2017, 0x1b0404cb, 0x1d00ffff).Should().BeTrue();
    }

    [Fact]
    public void Testnet4_rejects_a_period_start_more_than_600_seconds_before_its_parent()
    {
        ProofOfWork.IsTimewarpViolation(Network.TestNet4, 4032, 1_000_000 - 600, 1_000_000).Should().BeFalse();
        ProofOfWork.IsTimewarpViolation(Network.TestNet4, 4032, 1_000_000 - 601, 1_000_000).Should().BeTrue();
        ProofOfWork.IsTimewarpViolation(Network.TestNet4, 4033, 1_000_000 - 601, 1_000_000).Should().BeFalse("not a period start");
        ProofOfWork.IsTimewarpViolation(Network.TestNet3, 4032, 1_000_000 - 601, 1_000_000).Should().BeFalse("testnet3 predates BIP94");
        ProofOfWork.IsTimewarpViolation(Network.TestNet4, 0, 0, 1_000_000).Should().BeFalse("genesis");
    }
}

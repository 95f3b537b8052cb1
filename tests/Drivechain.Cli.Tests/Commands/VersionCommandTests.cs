namespace Drivechain.Cli.Tests.Commands;

public class VersionCommandTests
{
    [Fact]
    public void Version_prints_the_tool_name_and_version()
    {
        var run = CliRun.Of("version");

        run.ExitCode.Should().Be(0);
        run.Output.Should().StartWith("drivechain ").And.Contain(".NET");
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        CliRun.Of("frobnicate").ExitCode.Should().Be(2);
    }
}

using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

public class Secp256k1ProviderTests
{
    [Fact]
    public void Default_is_native_when_the_library_is_installed_and_managed_otherwise()
    {
        var chosen = Secp256k1Provider.CreateDefault();

        if (Secp256k1Backends.NativeAvailable)
            chosen.Name.Should().StartWith("libsecp256k1 (libsecp256k1.so");
        else
            chosen.Should().BeSameAs(Secp256k1Provider.Managed, "without libsecp256k1 the native test rows do not exist, so the default must be managed");
    }

    [Fact]
    public void Native_library_is_present_when_the_environment_requires_it()
    {
        if (Secp256k1Backends.NativeRequired)
            Secp256k1Backends.NativeAvailable.Should().BeTrue($"{Secp256k1Backends.RequireNativeVariable}=1");
        else
            Secp256k1Backends.Names.Should().Contain(Secp256k1Backends.Managed);
    }

    [Fact]
    public void Managed_backend_is_always_available_and_named_managed()
    {
        Secp256k1Provider.Managed.Name.Should().Be("managed");
    }
}

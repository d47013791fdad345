using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class RegistryAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:5000", "127.0.0.1", 5000, true)]
    [InlineData("127.0.0.2:5001", "127.0.0.2", 5001, true)]
    [InlineData("localhost:5001", "localhost", 5001, true)]
    [InlineData("LOCALHOST:5001", "LOCALHOST", 5001, true)]
    [InlineData("[::1]:5000", "[::1]", 5000, true)]
    [InlineData("10.0.0.5:5000", "10.0.0.5", 5000, false)]
    [InlineData("registry.example:443", "registry.example", 443, false)]
    [InlineData("registry.example", "registry.example", 80, false)]
    public void Host_port_and_loopback(string address, string host, int port, bool loopback)
    {
        Assert.Equal(host, RegistryAddress.Host(address));
        Assert.Equal(port, RegistryAddress.Port(address));
        Assert.Equal(loopback, RegistryAddress.IsLoopback(address));
    }

    [Theory]
    [InlineData("localhost:5001", "127.0.0.1")]
    [InlineData("127.0.0.1:5000", "127.0.0.1")]
    [InlineData("[::1]:5000", "[::1]")]
    public void Bind_host_is_an_address(string address, string bind)
    {
        Assert.Equal(bind, RegistryAddress.BindHost(address));
    }
}

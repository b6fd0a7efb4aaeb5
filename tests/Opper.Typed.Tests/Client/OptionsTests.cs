namespace Opper.Typed.Tests.Client;

public sealed class OptionsTests
{
    [Fact]
    public void A_missing_key_names_the_environment_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new OpperVideoClient(new OpperVideoClientOptions { ApiKey = null }));

        Assert.Contains("OPPER_API_KEY", error.Message);
    }

    [Theory]
    [InlineData("http://api.opper.ai")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://api.opper.ai")]
    public void Plain_http_is_refused_unless_loopback(string address)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new OpperVideoClient(new OpperVideoClientOptions { ApiKey = "k", BaseAddress = new Uri(address) }));

        Assert.Contains("https", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("https://api.opper.ai")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        using var client = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = "k", BaseAddress = new Uri(address) });
    }

    [Fact]
    public void Inconsistent_polling_is_refused_with_the_setting_named()
    {
        var options = new OpperVideoClientOptions { ApiKey = "k" };
        options.Polling.MaxInterval = TimeSpan.FromSeconds(1);

        var error = Assert.Throws<InvalidOperationException>(() => new OpperVideoClient(options));

        Assert.Contains("Polling", error.Message);
    }

    [Fact]
    public void ToString_redacts_the_key()
    {
        var text = new OpperVideoClientOptions { ApiKey = "op-secret" }.ToString();

        Assert.DoesNotContain("op-secret", text);
        Assert.Contains("(set)", text);
    }
}

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

    [Fact]
    public void Creating_options_reads_nothing_and_never_throws_and_the_sub_options_cannot_be_replaced()
    {
        var options = new OpperVideoClientOptions();

        Assert.Null(options.ApiKey);
        Assert.Null(options.BaseAddress);
        Assert.NotNull(options.Polling);
        Assert.NotNull(options.Retry);
        Assert.Null(typeof(OpperVideoClientOptions).GetProperty(nameof(OpperVideoClientOptions.Polling))!.SetMethod);
        Assert.Null(typeof(OpperVideoClientOptions).GetProperty(nameof(OpperVideoClientOptions.Retry))!.SetMethod);
    }

    [Fact]
    public void The_client_applies_the_environment_and_explicit_settings_win()
    {
        var environment = new Dictionary<string, string?> { ["OPPER_API_KEY"] = "from-env", ["OPPER_BASE_URL"] = "https://gateway.example/opper" };

        var fromEnvironment = ClientSettings.Resolve(new OpperVideoClientOptions(), name => environment.GetValueOrDefault(name));
        var explicitOnes = ClientSettings.Resolve(
            new OpperVideoClientOptions { ApiKey = "explicit", BaseAddress = new Uri("https://api.opper.ai") }, name => environment.GetValueOrDefault(name));
        var neither = ClientSettings.Resolve(new OpperVideoClientOptions { ApiKey = "k" }, _ => null);

        Assert.Equal(("from-env", "https://gateway.example/opper"), (fromEnvironment.ApiKey, fromEnvironment.BaseAddress.ToString()));
        Assert.Equal(("explicit", "https://api.opper.ai/"), (explicitOnes.ApiKey, explicitOnes.BaseAddress.ToString()));
        Assert.Equal(OpperVideoClientOptions.DefaultBaseAddress, neither.BaseAddress);
    }

    [Fact]
    public void A_bad_environment_value_and_bad_settings_are_each_named()
    {
        var options = new OpperVideoClientOptions { RequestTimeout = TimeSpan.Zero, MaxDownloadAttempts = 0, DownloadStallTimeout = TimeSpan.Zero, MaxConnectionsPerServer = 0 };
        options.Retry.MaxRetries = -1;
        options.Polling.Jitter = 1;
        options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(-1);

        var error = Assert.Throws<InvalidOperationException>(() => ClientSettings.Resolve(options, name => name == "OPPER_BASE_URL" ? "not a url" : null));

        Assert.Contains("OPPER_API_KEY", error.Message);
        Assert.Contains("OPPER_BASE_URL 'not a url' is not an absolute URL", error.Message);
        Assert.Contains("OpperVideoClientOptions.RequestTimeout", error.Message);
        Assert.Contains("OpperVideoClientOptions.MaxDownloadAttempts", error.Message);
        Assert.Contains("OpperVideoClientOptions.Retry.MaxRetries", error.Message);
        Assert.Contains("OpperVideoClientOptions.DownloadStallTimeout", error.Message);
        Assert.Contains("OpperVideoClientOptions.Retry.MaxRetryAfter", error.Message);
        Assert.Contains("OpperVideoClientOptions.MaxConnectionsPerServer", error.Message);
        Assert.Contains("OpperVideoClientOptions.Polling.Jitter", error.Message);
    }

    [Fact]
    public void A_client_keeps_the_settings_it_was_created_with()
    {
        var options = new OpperVideoClientOptions { ApiKey = "k" };
        var settings = ClientSettings.Resolve(options, _ => null);

        options.Polling.Timeout = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.FromMinutes(30), settings.Polling.Timeout);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Zalo;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

public sealed class ZaloOptionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"Zalo:{s.Key}", s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddZaloChannel(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Without_an_app_id_zalo_is_off_and_adds_no_sender()
    {
        using var services = Build(("OaId", "579745863508352884"));

        Assert.Empty(services.GetServices<IChannelSender>());
        Assert.Null(services.GetService<ZaloSignature>());
    }

    [Fact]
    public void With_an_app_id_but_no_oa_secret_key_the_start_fails_saying_which_key_is_missing()
    {
        using var services = Build(("AppId", "1234"), ("OaId", "5678"), ("AppSecret", "s"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ZaloOptions>>().Value);

        Assert.Contains("Zalo__OaSecretKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_configuration_gets_zalos_addresses_and_the_oas_page_as_entry()
    {
        using var services = Build(("AppId", "1234"), ("OaId", "5678"), ("AppSecret", "s"), ("OaSecretKey", "k"), ("Templates:case-update", "312345"));

        var options = services.GetRequiredService<IOptions<ZaloOptions>>().Value;
        var entry = services.GetServices<IChannelEntry>().Single(e => e.Channel == ChannelNames.Zalo).For("inv_abc");

        Assert.Equal(("https://openapi.zalo.me", "https://oauth.zaloapp.com", "312345"), (options.ApiBaseUrl, options.OAuthBaseUrl, options.Templates["case-update"]));
        Assert.Equal(new ChannelEntryPoint(ChannelNames.Zalo, "https://zalo.me/5678", CodeInLink: false), entry);
    }
}

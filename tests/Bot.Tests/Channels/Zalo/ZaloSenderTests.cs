using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Zalo;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes.Zalo;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>What the outbox's messages become on Zalo: split texts, buttons five at a time, no edits, templates outside the window.</summary>
public sealed class ZaloSenderTests : IAsyncLifetime
{
    private const string User = "6001234567";
    private FakeZalo _zalo = null!;
    private ZaloTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _zalo = await FakeZalo.StartAsync();
        _host = await ZaloTestHost.StartAsync(_zalo, new Dictionary<string, string?> { ["Zalo:Templates:case-update"] = "312345" });
        _zalo.EchoSends = false;
        await _host.SendAsync(User, _zalo.FollowEvent(User));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _zalo.DisposeAsync();
    }

    [Fact]
    public async Task A_text_over_2000_characters_goes_as_several_messages()
    {
        var text = string.Join(' ', Enumerable.Repeat("Đèn đường hỏng.", 300));

        var sent = await SendAsync(new OutboundMessage { Text = text });

        Assert.Equal(3, sent.Count);
        Assert.All(sent, m => Assert.InRange(m.Text!.Length, 1, 2000));
        Assert.Equal(text, string.Join(' ', sent.Select(m => m.Text)));
    }

    [Fact]
    public async Task Seven_buttons_go_as_a_page_of_four_and_a_more_button_and_each_payload_carries_its_signed_data()
    {
        var buttons = Enumerable.Range(1, 7).Select(i => new OutboundButton($"Lựa chọn {i}", $"r.cat:c{i}:abcdefghijk{i}")).ToList();

        var sent = Assert.Single(await SendAsync(new OutboundMessage { Text = "Chọn một mục", Buttons = [buttons] }));

        // Zalo shows five buttons a message: the outbox pages longer lists (ChoiceShaper), the fifth turns the page.
        Assert.Equal(5, sent.Buttons.Count);
        Assert.Equal(buttons.Take(4).Select(b => b.Label), sent.Buttons.Take(4).Select(b => b.Title));
        Assert.Equal(buttons.Take(4).Select(b => b.Data), sent.Buttons.Take(4).Select(b => ZaloButtonPayload.DataIn(b.Payload)));
        Assert.StartsWith("Xem thêm", sent.Buttons[4].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_main_menu_goes_as_buttons_that_send_their_label()
    {
        var sent = await SendAsync(new OutboundMessage { Text = "Xin chào", Keyboard = KeyboardKind.MainMenu, KeyboardLabels = ["📝 Phản ánh", "📋 Của tôi"] });

        Assert.Equal([("📝 Phản ánh", "📝 Phản ánh"), ("📋 Của tôi", "📋 Của tôi")], Assert.Single(sent).Buttons);
    }

    [Fact]
    public async Task An_edit_becomes_a_new_message_and_an_edit_of_buttons_only_sends_nothing()
    {
        var edited = await SendAsync(new OutboundMessage { Text = "Phản ánh HD-2026-000001 · đang xử lý", EditMessageId = "msg-1" });
        var buttonsOnly = await EnqueueAsync(new OutboundMessage { EditMessageId = "msg-2" });

        Assert.Equal("Phản ánh HD-2026-000001 · đang xử lý", Assert.Single(edited).Text);
        Assert.Equal("msg-2", buttonsOnly.ExternalMessageId);
    }

    [Fact]
    public async Task Outside_the_window_a_notice_with_a_template_goes_as_the_template()
    {
        _zalo.LastInteractedAgo(User, TimeSpan.FromDays(8));
        var calls = _zalo.Calls.Count;

        var delivered = await EnqueueAsync(new OutboundMessage
        {
            Text = "Phản ánh HD-2026-000001 đã được xử lý.",
            Notice = "case-update",
            NoticeParams = new Dictionary<string, string> { ["tracking_code"] = "HD-2026-000001", ["status"] = "Đã xử lý" },
        });

        var attempts = _zalo.Calls.Skip(calls).ToList();
        Assert.Equal([(FakeZalo.MessagePath, -230), (FakeZalo.TemplatePath, 0)], attempts.Select(c => (c.Path, c.Error)));
        var template = attempts[1].Json!;
        Assert.Equal(("312345", User), ((string)template["template_id"]!, (string)template["user_id"]!));
        Assert.Equal("HD-2026-000001", (string)template["template_data"]!["tracking_code"]!);
        Assert.Equal(attempts[1].Answer, delivered.ExternalMessageId);
    }

    [Fact]
    public async Task Outside_the_window_a_notice_without_a_template_is_not_failed()
    {
        _zalo.LastInteractedAgo(User, TimeSpan.FromDays(8));
        var message = await EnqueueUndeliveredAsync(new OutboundMessage { Text = "Bạn có hài lòng với kết quả không?", Notice = "please-confirm" });

        Assert.Equal(OutboxStatus.Waiting, message.Status);
        Assert.Contains("-230", message.LastError, StringComparison.Ordinal);
        Assert.Empty(_zalo.CallsTo(FakeZalo.TemplatePath));
    }

    private async Task<IReadOnlyList<FakeZaloCall>> SendAsync(OutboundMessage message)
    {
        var before = _zalo.MessagesTo(User).Count;
        await EnqueueAsync(message);
        return [.. _zalo.MessagesTo(User).Skip(before)];
    }

    private async Task<OutboxMessage> EnqueueAsync(OutboundMessage message)
    {
        var id = await WriteAsync(message);
        return await _host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct), m => m.Status == OutboxStatus.Sent);
    }

    private async Task<OutboxMessage> EnqueueUndeliveredAsync(OutboundMessage message)
    {
        var id = await WriteAsync(message);
        return await _host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct), m => m.LastError is not null);
    }

    private async Task<long> WriteAsync(OutboundMessage message)
    {
        OutboxMessage row;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            row = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(ChannelNames.Zalo, User, message);
            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().SaveChangesAsync();
        }

        _host.Services.GetRequiredService<OutboxSignal>().Notify();
        return row.Id;
    }
}

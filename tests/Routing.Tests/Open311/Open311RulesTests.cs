using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Identities;
using ResidentBot.Routing.Open311;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Routing.Tests.Open311;

public sealed class Open311RulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_dates_the_window_is_the_last_ninety_days_and_one_date_extends_ninety_days_from_it()
    {
        Assert.Equal((Now - TimeSpan.FromDays(90), Now), RequestWindow.Resolve(null, null, Now, out _));
        var start = Now.AddDays(-10);
        Assert.Equal((start, Now), RequestWindow.Resolve(start, null, Now, out _));
        var old = Now.AddDays(-200);
        Assert.Equal((old, old.AddDays(90)), RequestWindow.Resolve(old, null, Now, out _));
        Assert.Equal((old.AddDays(-90), old), RequestWindow.Resolve(null, old, Now, out _));
    }

    [Fact]
    public void A_window_over_ninety_days_or_ending_before_it_starts_is_refused_with_the_reason()
    {
        Assert.Null(RequestWindow.Resolve(Now.AddDays(-90).AddSeconds(-1), Now, Now, out var tooLong));
        Assert.Equal(WindowProblem.TooLong, tooLong);
        Assert.Null(RequestWindow.Resolve(Now, Now.AddDays(-1), Now, out var reversed));
        Assert.Equal(WindowProblem.EndBeforeStart, reversed);
        Assert.NotNull(RequestWindow.Resolve(Now.AddDays(-90), Now, Now, out var none));
        Assert.Equal(WindowProblem.None, none);
    }

    [Theory]
    [InlineData(CaseStatus.New, "open")]
    [InlineData(CaseStatus.Assigned, "open")]
    [InlineData(CaseStatus.Acknowledged, "open")]
    [InlineData(CaseStatus.WaitingForResident, "open")]
    [InlineData(CaseStatus.Reopened, "open")]
    [InlineData(CaseStatus.Transferred, "open")]
    [InlineData(CaseStatus.Resolved, "closed")]
    [InlineData(CaseStatus.Closed, "closed")]
    [InlineData(CaseStatus.Rejected, "closed")]
    public void A_case_is_open_until_the_official_has_given_a_result(CaseStatus status, string expected) =>
        Assert.Equal(expected, GeoReportStatus.Of(status));

    [Fact]
    public void Every_public_log_line_has_an_update_status_and_chase_lines_have_none()
    {
        Assert.All(UpdateStatus.Public, kind => Assert.NotNull(UpdateStatus.Of(kind)));
        foreach (var kind in new[] { CaseEventKind.Reminded, CaseEventKind.Escalated, CaseEventKind.Urged, CaseEventKind.Created, CaseEventKind.Rated })
        {
            Assert.Null(UpdateStatus.Of(kind));
            Assert.DoesNotContain(kind, UpdateStatus.Public);
        }

        Assert.Equal("fixed", UpdateStatus.Of(CaseEventKind.Resolved));
    }

    [Fact]
    public void A_point_is_rounded_to_three_decimals_and_no_point_stays_none()
    {
        Assert.Equal(20.961, PlacePrivacy.Rounded(20.961234));
        Assert.Equal(-106.305, PlacePrivacy.Rounded(-106.3045));
        Assert.Null(PlacePrivacy.Rounded(null));
    }

    [Fact]
    public void A_clients_reporter_is_known_by_account_then_email_then_device_within_the_key()
    {
        Assert.Equal("7:account:a1", ClientIdentity.ExternalId(7, " a1 ", "x@y.vn", "d"));
        Assert.Equal("7:email:lan@example.org", ClientIdentity.ExternalId(7, null, "Lan@Example.org", "d"));
        Assert.Equal("7:device:d", ClientIdentity.ExternalId(7, "", null, "d"));
        Assert.Equal("7:client", ClientIdentity.ExternalId(7, null, " ", null));
        Assert.NotEqual(ClientIdentity.ExternalId(7, "a1", null, null), ClientIdentity.ExternalId(8, "a1", null, null));
        Assert.True(ClientIdentity.ExternalId(int.MaxValue, null, new string('e', ClientIdentity.MaxPartLength), null).Length <= 128);
    }

    [Fact]
    public void A_resident_whose_only_identity_is_an_open311_one_has_no_channel_to_be_reached_on()
    {
        var identity = new ResidentIdentity { Id = 1, Channel = ClientIdentity.Channel, ExternalId = "7:client" };
        Reachability.Interacted(identity, Now);

        Assert.Null(Reachability.Choose([identity], channel => channel is "telegram" or "webchat" or "zalo" or "zalobot"));
    }
}

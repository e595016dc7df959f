namespace ResidentBot.Routing.Calendar;

/// <summary>The working calendar stored in the directory (one row).</summary>
public sealed class CalendarSettings
{
    public int Id { get; set; }

    /// <summary>IANA time zone id, e.g. <c>Asia/Ho_Chi_Minh</c>.</summary>
    public string TimeZoneId { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Office periods of a working day, e.g. <c>07:30-11:30,13:30-17:00</c>.</summary>
    public string OfficeHours { get; set; } = "07:30-11:30,13:30-17:00";

    /// <summary>Working days of the week, e.g. <c>Mon,Tue,Wed,Thu,Fri</c>.</summary>
    public string WorkingDays { get; set; } = "Mon,Tue,Wed,Thu,Fri";
}

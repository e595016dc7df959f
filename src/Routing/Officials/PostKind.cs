namespace ResidentBot.Routing.Officials;

public enum PostKind
{
    /// <summary>The accountable head of the area (e.g. Chủ tịch UBND phường).</summary>
    Leader = 1,

    /// <summary>Acts for the leader when the leader's post is not valid (leave, vacancy).</summary>
    Deputy = 2,

    /// <summary>Owns one category in the area (land, environment…); beats the leader for it.</summary>
    Specialist = 3,

    /// <summary>Receives escalations and digests for the area and everything below it.</summary>
    Supervisor = 4,
}

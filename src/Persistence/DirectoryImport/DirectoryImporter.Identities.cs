using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.DirectoryImport;

public sealed partial class DirectoryImporter
{
    /// <summary>
    /// Binds the accounts the file names. Accounts it does not name stay (invites bind them); a changed account replaces
    /// the official's one on that channel and starts with no reachability history. An account an invite bound to another
    /// official is an error: the administrator decides who it belongs to.
    /// </summary>
    private void ApplyIdentities(
        Official official, ParsedOfficial parsed, string path, string name, List<DirectoryError> errors, Dictionary<(string, string), string> accounts)
    {
        foreach (var (channel, externalId) in parsed.Identities)
        {
            if (accounts.TryGetValue((channel, externalId), out var holder) && !string.Equals(holder, official.Code, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new DirectoryError(name, null, $"{path}.identities.{channel}",
                    $"{channel} account {externalId} is bound to official {holder} (by an invite); remove it there first or name another account"));
                continue;
            }

            var identity = official.Identities.FirstOrDefault(i => i.Channel == channel);
            if (identity is null)
            {
                official.Identities.Add(new OfficialIdentity { Channel = channel, ExternalId = externalId, ChatId = externalId, CreatedAt = time.GetUtcNow() });
            }
            else if (identity.ExternalId != externalId)
            {
                accounts.Remove((channel, identity.ExternalId));
                identity.ExternalId = externalId;
                identity.ChatId = externalId;
                identity.CreatedAt = time.GetUtcNow();
                identity.LastInteractionAt = identity.UnreachableSince = null;
                identity.UnreachableReason = null;
            }

            accounts[(channel, externalId)] = official.Code;
        }
    }
}

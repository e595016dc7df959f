using Microsoft.Extensions.Options;
using ResidentBot.Persistence.PostgreSql;

namespace ResidentBot.Persistence;

/// <summary>On PostgreSQL, the connection string must be one a server can be reached with; checked at start with the rest of the settings.</summary>
internal sealed class DatabaseOptionsValidator(DatabaseConnection connection) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        connection.Provider == DatabaseProvider.PostgreSql && PostgreSqlConnectionStrings.Problem(connection.ConnectionString) is { } problem
            ? ValidateOptionsResult.Fail($"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName} {problem}")
            : ValidateOptionsResult.Success;
}

using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Attachments;

/// <summary>
/// A stored photo's bytes read straight from <c>AttachmentContents</c> as the caller reads them: a data reader with
/// <see cref="CommandBehavior.SequentialAccess"/> and <see cref="DbDataReader.GetStream"/> (Npgsql streams the
/// <c>bytea</c>; Microsoft.Data.Sqlite opens the blob incrementally, since the key is the row id), so a 10 MB photo is
/// never a 10 MB array nor an entity EF tracks. The stream owns its scope, connection and reader until disposed.
/// </summary>
internal sealed class DatabaseContentStream : Stream
{
    private readonly AsyncServiceScope scope;
    private readonly DbCommand command;
    private readonly DbDataReader reader;
    private readonly Stream content;
    private bool disposed;

    private DatabaseContentStream(AsyncServiceScope scope, DbCommand command, DbDataReader reader, Stream content)
    {
        this.scope = scope;
        this.command = command;
        this.reader = reader;
        this.content = content;
    }

    /// <summary>The bytes of attachment <paramref name="id"/>; null when they are not in the database.</summary>
    public static async Task<Stream?> OpenAsync(IServiceScopeFactory scopes, long id, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        DbCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            command = db.Database.GetDbConnection().CreateCommand();

            // The key is selected too: it is the row id, which Microsoft.Data.Sqlite needs to open the blob in place.
            command.CommandText = """SELECT "Content", "AttachmentId" FROM "AttachmentContents" WHERE "AttachmentId" = @id""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await DisposeAllAsync(scope, command, reader);
                return null;
            }

            return new DatabaseContentStream(scope, command, reader, reader.GetStream(0));
        }
        catch
        {
            await DisposeAllAsync(scope, command, reader);
            throw;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => content.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => content.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        content.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        content.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            await content.DisposeAsync();
            await DisposeAllAsync(scope, command, reader);
        }

        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            content.Dispose();
            reader.Dispose();
            command.Dispose();
            scope.Dispose();
        }

        base.Dispose(disposing);
    }

    private static async ValueTask DisposeAllAsync(AsyncServiceScope scope, DbCommand? command, DbDataReader? reader)
    {
        if (reader is not null)
        {
            await reader.DisposeAsync();
        }

        if (command is not null)
        {
            await command.DisposeAsync();
        }

        await scope.DisposeAsync();
    }
}

// The hand-written Kotlin layer over the generated bindings (airbyte_embedded.kt): Kotlin
// idioms only, no logic. Clients and every other generated object are already AutoCloseable
// (`use { }` frees the native handle at once; otherwise a Cleaner frees it later; a freed object
// throws IllegalStateException). `shutdown()` (the Rust `close()`) ends a client and every handle
// made from it: their calls then throw AirbyteException.ClientClosed.
//
// The async twins (AsyncOperatorClient, AsyncEndUserClient, AsyncWorkspaces, ...) are generated
// with `suspend` functions; here their page walks become cold `Flow`s.
package io.airbyte.embedded

import java.util.logging.Level
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/**
 * Every workspace of every remaining page, fetching one page (`nextPage()`) at a time as the
 * sequence is iterated. Throws [AirbyteException] where `nextPage()` does (for example
 * [AirbyteException.Pagination]); single use, like the pages object.
 */
fun WorkspacePages.asSequence(): Sequence<Workspace> = pagedSequence(::nextPage)

/**
 * Every workspace matching [filter] (default: all) as a lazy [Sequence]:
 * `GET /workspaces`, following `next` links on the configured host only.
 */
fun Workspaces.all(filter: WorkspaceFilter? = null): Sequence<Workspace> = pages(filter).asSequence()

/**
 * Every destination of every remaining page, fetching one page (`nextPage()`) at a time as the
 * sequence is iterated. Throws [AirbyteException] where `nextPage()` does; single use, like the
 * pages object.
 */
fun DestinationPages.asSequence(): Sequence<DestinationSummary> = pagedSequence(::nextPage)

/**
 * Every destination of [filter]'s workspace as a lazy [Sequence]:
 * `GET /integrations/destinations`, following `next` links on the configured host only.
 */
fun Destinations.all(filter: DestinationFilter): Sequence<DestinationSummary> = pages(filter).asSequence()

/**
 * Every entry of every remaining page of a folder walk, fetching one page (`nextPage()`) at a
 * time as the sequence is iterated. Throws [AirbyteException] where `nextPage()` does; single
 * use, like the pages object.
 */
fun FilePages.asSequence(): Sequence<FileEntry> = pagedSequence(::nextPage)

/**
 * Every entry of [folder] as a lazy [Sequence]:
 * `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}`, page by page.
 */
fun Files.all(folder: FolderQuery): Sequence<FileEntry> = pages(folder).asSequence()

/**
 * A file's content as an [InputStream], read from the service as it is read (never held
 * whole): each `read` takes at most the bytes asked for, as many as have arrived, and `-1`
 * marks the end. A failure is an [java.io.IOException] whose cause is the [AirbyteException]
 * (a failure before the first byte is retried; after it every read fails the same way).
 * `close()` lets go of the connection and frees the native object.
 */
class FileInputStream(private val stream: FileStream) : java.io.InputStream() {
    private var closed = false

    override fun read(): Int {
        val one = ByteArray(1)
        return if (read(one, 0, 1) == -1) -1 else one[0].toInt() and 0xff
    }

    override fun read(b: ByteArray, off: Int, len: Int): Int {
        java.util.Objects.checkFromIndexSize(off, len, b.size)
        if (closed) throw java.io.IOException("the file stream is closed")
        if (len == 0) return 0
        val chunk = try {
            stream.read(len)
        } catch (e: AirbyteException) {
            throw java.io.IOException(e.message, e)
        }
        if (chunk.isEmpty()) return -1
        chunk.copyInto(b, off)
        return chunk.size
    }

    /** The file's length in bytes from the response's `Content-Length`, if it had one. */
    val contentLength: Long? get() = stream.contentLength()

    /** The response's `Content-Type` (`text/csv`), if it had one. */
    val contentType: String? get() = stream.contentType()

    override fun close() {
        if (closed) return
        closed = true
        stream.shutdown()
        stream.close()
    }
}

/** This file stream as an [InputStream] (see [FileInputStream]). */
fun FileStream.asInputStream(): FileInputStream = FileInputStream(this)

/**
 * Opens a file of [sourceId] (on drive [driveId], or the source's own files) as an
 * [InputStream]: `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}`.
 */
fun Files.openStream(sourceId: String, path: String, driveId: String? = null): FileInputStream =
    open(sourceId, path, driveId).asInputStream()

/**
 * Every workspace of every remaining page as a [Flow], awaiting one page (`nextPage()`) at a
 * time as the flow is collected; the collector's cancellation cancels the page being fetched.
 * Throws [AirbyteException] where `nextPage()` does; single use, like the pages object.
 */
fun AsyncWorkspacePages.asFlow(): Flow<Workspace> = pagedFlow(::nextPage)

/**
 * Every workspace matching [filter] (default: all) as a [Flow]: `GET /workspaces`, following
 * `next` links on the configured host only, one awaited page at a time as it is collected.
 */
fun AsyncWorkspaces.all(filter: WorkspaceFilter? = null): Flow<Workspace> = pages(filter).asFlow()

/** Every destination of every remaining page as a [Flow] (see [AsyncWorkspacePages.asFlow]). */
fun AsyncDestinationPages.asFlow(): Flow<DestinationSummary> = pagedFlow(::nextPage)

/** Every destination of [filter]'s workspace as a [Flow]: `GET /integrations/destinations`. */
fun AsyncDestinations.all(filter: DestinationFilter): Flow<DestinationSummary> = pages(filter).asFlow()

/** Every entry of every remaining page of a folder walk as a [Flow]. */
fun AsyncFilePages.asFlow(): Flow<FileEntry> = pagedFlow(::nextPage)

/** Every entry of [folder] as a [Flow], page by page. */
fun AsyncFiles.all(folder: FolderQuery): Flow<FileEntry> = pages(folder).asFlow()

/** The items of every page [nextPage] returns, until it returns `null`, as a cold flow. */
private fun <T> pagedFlow(nextPage: suspend () -> List<T>?): Flow<T> = flow {
    while (true) {
        val page = nextPage() ?: break
        for (item in page) emit(item)
    }
}

/** The items of every page [nextPage] returns, until it returns `null`. */
private fun <T> pagedSequence(nextPage: () -> List<T>?): Sequence<T> = sequence {
    while (true) {
        val page = nextPage() ?: break
        yieldAll(page)
    }
}

/**
 * A [Logger] forwarding the SDK's records to `java.util.logging`: the Rust target becomes the
 * logger name (`airbyte_embedded::http` → `airbyte_embedded.http`). Records never carry secrets.
 */
class JavaUtilLoggingForwarder : Logger {
    override fun log(record: LogRecord) {
        try {
            val level = when (record.level) {
                LogLevel.ERROR -> Level.SEVERE
                LogLevel.WARN -> Level.WARNING
                LogLevel.INFO -> Level.INFO
                LogLevel.DEBUG -> Level.FINE
                LogLevel.TRACE -> Level.FINEST
            }
            java.util.logging.Logger.getLogger(record.target.replace("::", ".")).log(level, record.message)
        } catch (_: Throwable) {
            // A failing handler must never fail the SDK call that logged.
        }
    }
}

/** Registers [handler] for the SDK's records up to [maxLevel] (replacing any earlier logger). */
fun setLogger(maxLevel: LogLevel = LogLevel.DEBUG, handler: (LogRecord) -> Unit) {
    setLogger(
        object : Logger {
            override fun log(record: LogRecord) = handler(record)
        },
        maxLevel,
    )
}

// The hand-written Kotlin layer over the generated bindings (airbyte_embedded.kt): Kotlin
// idioms only, no logic. Clients and every other generated object are already AutoCloseable
// (`use { }` frees the native handle at once; otherwise a Cleaner frees it later; a freed object
// throws IllegalStateException). `shutdown()` (the Rust `close()`) ends a client and every handle
// made from it: their calls then throw AirbyteException.ClientClosed.
package io.airbyte.embedded

import java.util.logging.Level

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

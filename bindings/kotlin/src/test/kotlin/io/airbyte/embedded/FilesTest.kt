package io.airbyte.embedded

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.IOException

class FilesTest {
    private val sampleData = "dfd88b22-b603-4c3d-aad7-3701784586b1"
    private val secret = "sk_live_kt-upstream-2c8d"

    /** A Sample Data source with 6 users in a new workspace: (workspace id, source id). */
    private fun source(operator: OperatorClient): Pair<String, String> {
        val template = operator.sourceTemplates().create(
            SourceTemplateCreate(actorDefinitionId = sampleData, partialDefaultConfig = empty),
        )
        val workspace = operator.endUserClient(Sandbox.unique("kt-files")).use { it.workspaceId() }
        val created = operator.sources().create(
            SourceCreate(workspaceId = workspace, sourceTemplateId = template.id, sourceConfig = obj("""{"count": 6}""")),
        )
        return workspace to created.id
    }

    @Test
    fun `folders walk and files read as input streams`() {
        val operator = Sandbox.shared.operator()
        val (workspace, src) = source(operator)
        val files = operator.files()
        assertEquals(listOf(src to "faker"), files.sources(workspace).map { it.id to it.sourceType })
        assertEquals(listOf("main", "shared"), files.drives(src).map { it.id })

        val entries = files.all(FolderQuery(sourceId = src, path = "reports/2025", limit = 3)).toList()
        assertEquals((1..4).map { "reports/2025/q$it summary.csv" }, entries.map { it.relativePath })
        assertTrue(entries.all { it.kind == FileEntryKind.File })

        files.openStream(src, entries[0].relativePath).use { input ->
            assertEquals("text/csv", input.contentType)
            val text = input.readBytes().decodeToString()
            assertTrue(text.startsWith("month,orders,revenue_cents\n"), text)
            assertEquals(entries[0].bytes, text.length.toLong())
            assertEquals(-1, input.read())
        }
        files.openStream(src, "Team Notes/meeting 01.txt", driveId = "shared").use { input ->
            assertTrue(input.bufferedReader().readLine().startsWith("Meeting 01"))
        }

        // The large file through a 64 KiB buffer: every byte, one chunk at a time.
        files.openStream(src, "exports/large export.bin").use { input ->
            assertEquals(50L * 1024 * 1024, input.contentLength)
            val buffer = ByteArray(64 * 1024)
            var total = 0L
            while (true) {
                val n = input.read(buffer)
                if (n == -1) break
                total += n
            }
            assertEquals(50L * 1024 * 1024, total)
        }

        val e = assertThrows<AirbyteException.InvalidArgument> { files.open(src, "") }
        assertEquals("path", e.argument)
        assertThrows<AirbyteException.NotFound> { files.open(src, "reports") }
    }

    @Test
    fun `a cut body fails as an IOException after the bytes that arrived`() {
        val operator = Sandbox.shared.operator()
        val (_, src) = source(operator)
        Sandbox.shared.fault("""{"kind": "reset_during_body", "after_bytes": 4096}""", "/sonar/files")
        operator.files().openStream(src, "exports/large export.bin").use { input ->
            val buffer = ByteArray(1000)
            var got = 0
            val error = assertThrows<IOException> {
                while (true) {
                    val n = input.read(buffer)
                    if (n == -1) break
                    got += n
                }
            }
            assertEquals(4096, got)
            assertTrue(error.cause is AirbyteException.Transport, "${error.cause}")
        }
    }

    @Test
    fun `the proxy keeps headers private and search filters records`() {
        val operator = Sandbox.shared.operator()
        val (_, src) = source(operator)
        val request = ProxyRequest(
            url = "https://api.example.com/v1/invoices",
            method = ProxyMethod.Get,
            headers = mapOf("X-Api-Key" to secret),
        )
        val answer = operator.proxy().request(src, request)
        assertEquals(200, answer.responseStatusCode)
        assertTrue(answer.responseBody!!.contains("\"header_names\":[\"x-api-key\"]"), answer.responseBody)
        assertFalse(answer.responseBody!!.contains(secret))
        val upstream = operator.proxy().request(src, ProxyRequest(url = "https://api.example.com/status/503", method = ProxyMethod.Get))
        assertEquals(503, upstream.responseStatusCode)

        val found = operator.sourceSearch().search(src, "users", SearchRequest(condition = obj("""{"lte": {"id": 2}}""")))
        assertEquals(2L, found.total)
        assertEquals(listOf("1", "2"), found.hits.map { it.id })
        val e = assertThrows<AirbyteException.InvalidArgument> {
            operator.sourceSearch().search(src, "users", SearchRequest(condition = obj("""{"or": {}}""")))
        }
        assertEquals("condition", e.argument)
        assertThrows<AirbyteException.NotFound> {
            operator.sourceSearch().search(src, "nope", SearchRequest(condition = obj("""{"eq": {"id": 1}}""")))
        }
    }
}

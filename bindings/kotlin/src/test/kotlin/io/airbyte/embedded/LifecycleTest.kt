package io.airbyte.embedded

import kotlinx.serialization.json.put
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `shutdown()` (the Rust `close()`) ends a client; `close()`/`use { }` free the Kotlin object. */
class LifecycleTest {
    private val sandbox = Sandbox.shared

    private fun assertClosed(name: String = "OperatorClient", call: () -> Any?) {
        val e = assertThrows<AirbyteException.ClientClosed> { call() }
        assertTrue(e.detail.contains(name), e.detail)
        assertTrue(e.message.contains("closed"), e.message)
    }

    @Test
    fun `shutdown closes the client and every handle made from it`() {
        val op = sandbox.operator()
        val sources = op.sources()
        val tags = op.tags()
        val pages = op.workspaces().pages()
        val user = op.endUserClient(Sandbox.unique("closed"))
        val userSources = user.sources()
        val workspaceId = user.workspaceId()
        assertTrue(tags.list().size >= 0)

        op.shutdown()
        assertClosed { op.tags() }
        assertClosed { op.baseUrl() }
        assertClosed { op.lastRateLimit() }
        assertClosed { op.mintScopedToken(ScopedTokenRequest(workspaceName = Sandbox.unique("closed"))) }
        assertClosed { tags.list() }
        assertClosed { sources.list(workspaceId) }
        assertClosed { pages.nextPage() }
        // The end-user client the operator made mints through it: closed with it.
        assertClosed { user.workspaceId() }
        assertClosed { userSources.list(workspaceId) }
        op.shutdown() // again: nothing happens

        // close() (AutoCloseable) frees the Kotlin object; uniffi's own check then answers first.
        op.close()
        val freed = assertThrows<IllegalStateException> { op.baseUrl() }
        assertTrue(freed.message!!.contains("destroyed"), freed.message)
    }

    @Test
    fun `an end-user client shuts down on its own`() {
        sandbox.operator().use { op ->
            val user = op.endUserClient(Sandbox.unique("own"))
            val workspaceId = user.workspaceId()
            val sources = user.sources()
            user.shutdown()
            assertClosed("EndUserClient") { sources.list(workspaceId) }
            assertClosed("EndUserClient") { user.tokenInfo() }
            assertTrue(op.tags().list().size >= 0, "the operator stays open")
        }
    }

    @Test
    fun `after use the object is destroyed and calls throw IllegalStateException`() {
        val op = sandbox.operator()
        val tags = op.use { it.tags() }
        val e = assertThrows<IllegalStateException> { op.tags() }
        assertEquals("OperatorClient object has already been destroyed", e.message)
        // A handle made inside the block holds the client: it still works until the client is
        // shut down (`op.use { ...; it.shutdown() }` ends both) or the handle is freed too.
        assertTrue(tags.list().size >= 0)
        tags.close()
        assertThrows<IllegalStateException> { tags.list() }
        // shutdown() before the block ends closes the handles made in it.
        val shut = sandbox.operator().use { it.tags().also { _ -> it.shutdown() } }
        assertClosed { shut.list() }
    }
}

/** `toString()` of records holding a connector config: keys shown, values `[REDACTED]`. */
class RedactionTest {
    private val secret = "kotlin-s3cr3t-value"
    private val config = obj("""{"host": "db.example.com", "password": "$secret", "tunnel": {"ssh_key": "$secret", "port": 22}, "hosts": [{"token": "$secret"}]}""")

    @Test
    fun `records print config keys but no values`() {
        val records: List<Any> = listOf(
            SourceCreate(workspaceId = "ws-visible", sourceTemplateId = "tpl-visible", sourceConfig = config, name = "mine"),
            SourceUpdate(name = "renamed", sourceConfig = config),
            SourceTemplateCreate(actorDefinitionId = "def-visible", partialDefaultConfig = config),
            SourceTemplateUpdate(partialDefaultConfig = config, propagate = true),
            ConnectionTemplateCreate(destinationName = "warehouse", destinationConfig = config),
            ConnectionTemplateUpdate(destinationConfig = config),
            Source(id = "src-1", name = null, sourceTemplate = null, sourceConfig = config, createdAt = null, updatedAt = null),
        )
        for (record in records) {
            for (text in listOf(record.toString(), "$record", listOf(record).toString())) {
                assertTrue(text.startsWith(record::class.simpleName!!) || text.startsWith("["), text)
                assertFalse(text.contains(secret), text)
                assertFalse(text.contains("db.example.com"), text)
                for (key in listOf("\"host\": [REDACTED]", "\"password\": [REDACTED]", "\"ssh_key\": [REDACTED]", "\"port\": [REDACTED]", "\"token\": [REDACTED]")) {
                    assertTrue(text.contains(key), "$key in $text")
                }
            }
        }
        val create = records[0] as SourceCreate
        assertTrue(create.toString().contains("\"ws-visible\"") && create.toString().contains("Some(\"mine\")"), create.toString())
        // A value JSON cannot spell (a NaN) prints as unparsed, none of it shown; the other
        // fields print as usual.
        val notJson = buildJsonObject {
            put("password", secret)
            put("ratio", Double.NaN)
        }
        val notObject = SourceCreate(workspaceId = "ws-visible", sourceTemplateId = "tpl", sourceConfig = notJson)
        val template = SourceTemplateCreate(actorDefinitionId = "def", partialDefaultConfig = notJson, customization = Customization(other = notJson))
        for (printed in listOf(notObject.toString(), "$notObject", listOf(notObject).toString())) {
            assertFalse(printed.contains(secret), printed)
            assertTrue(printed.contains("source_config: [REDACTED: not JSON object text]"), printed)
            assertTrue(printed.contains("\"ws-visible\""), printed)
        }
        val printed = template.toString()
        assertFalse(printed.contains(secret), printed)
        assertTrue(printed.contains("partial_default_config: [REDACTED: not JSON object text]"), printed)
        assertTrue(printed.contains("other: [REDACTED: not JSON object text]"), printed)
        assertEquals(notJson, notObject.sourceConfig)
        // Only the string form changes: the data class keeps its values and equality.
        assertEquals(create, create.copy())
        assertEquals(JsonPrimitive(secret), create.sourceConfig["password"])
    }
}

package io.airbyte.embedded

import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** A host's own store: a map of values and expiry times, its methods synchronized. */
class MapStore : TokenStore {
    private val entries = HashMap<String, Pair<String, Long>>()
    val puts = ConcurrentHashMap<String, Int>()

    private fun live(key: String): String? {
        val (value, until) = entries[key] ?: return null
        if (until <= System.nanoTime()) {
            entries.remove(key)
            return null
        }
        return value
    }

    @Synchronized override fun get(key: String): String? = live(key)

    @Synchronized override fun put(key: String, value: String, ttl: Duration) {
        puts.merge(key.substringBeforeLast(':'), 1, Int::plus)
        entries[key] = value to System.nanoTime() + ttl.toNanos()
    }

    @Synchronized override fun removeIf(key: String, value: String): Boolean =
        (live(key) == value).also { if (it) entries.remove(key) }

    @Synchronized override fun tryLock(key: String, owner: String, ttl: Duration): Boolean {
        if (live(key) != null) return false
        entries[key] = owner to System.nanoTime() + ttl.toNanos()
        return true
    }

    override fun unlock(key: String, owner: String) {
        removeIf(key, owner)
    }
}

/** A store that is down: one method throws the declared error, the others any exception. */
class BrokenStore : TokenStore {
    override fun get(key: String): String? = throw TokenStoreException.Unavailable("connection refused")
    override fun put(key: String, value: String, ttl: Duration) = throw IllegalStateException("down")
    override fun removeIf(key: String, value: String): Boolean = throw IllegalStateException("down")
    override fun tryLock(key: String, owner: String, ttl: Duration): Boolean = throw IllegalStateException("down")
    override fun unlock(key: String, owner: String) = throw IllegalStateException("down")
}

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetTest {
    private val sandbox = Sandbox("--check-duration-ms", "200")

    @AfterAll
    fun stop() = sandbox.close()

    private fun operatorOn(store: TokenStore, config: ClientConfig = sandbox.config()) =
        OperatorClient(sandbox.clientId, sandbox.clientSecret, config, store)

    @Test
    fun `clients sharing a host store mint one operator token`() {
        val store = MapStore()
        val before = sandbox.tokenRequests()
        operatorOn(store).use { first ->
            operatorOn(store).use { second ->
                first.workspaces().stats()
                second.workspaces().stats()
            }
        }
        assertEquals(before + 1, sandbox.tokenRequests())
        assertEquals(1, store.puts.filterKeys { it.startsWith("airbyte-embedded:v1:operator") }.values.sum())
    }

    @Test
    fun `a failing host store never fails a call`() {
        operatorOn(BrokenStore()).use { op ->
            repeat(3) { op.workspaces().stats() }
            assertTrue(op.scopedToken(Sandbox.unique("acme")).expose().isNotEmpty())
        }
    }

    @Test
    fun `the SDK's memory store is shared and the template cache lives in it`() {
        val store = memoryTokenStore()
        val config = sandbox.config().copy(templateCacheTtl = Duration.ofMinutes(5))
        val name = Sandbox.unique("acme")
        operatorOn(store, config).use { first ->
            operatorOn(store, config).use { second ->
                assertEquals(first.scopedToken(name).expose(), second.scopedToken(name).expose())
                val listsBefore = Regex("\"path\":\\s*\"[^\"]*/integrations/templates/sources\"").findAll(sandbox.requests()).count()
                first.sourceTemplates().list()
                second.sourceTemplates().list()
                val listsAfter = Regex("\"path\":\\s*\"[^\"]*/integrations/templates/sources\"").findAll(sandbox.requests()).count()
                assertEquals(listsBefore + 1, listsAfter)
            }
        }
        assertEquals("redis_url", assertThrows<AirbyteException.InvalidArgument> { redisTokenStore("http://host") }.argument)
    }

    @Test
    fun `bulk mint and deactivate report each item`() {
        val op = sandbox.operator()
        val names = (1..4).map { Sandbox.unique("bulk") }
        val minted = op.bulk().mintScopedTokens(names)
        assertEquals(names, minted.outcomes.map { it.item })
        val ids = minted.outcomes.map { assertNull(it.error); it.token!!.workspaceId()!! }
        val missing = "00000000-0000-4000-8000-00000000dead"
        val options = defaults().bulkOptions.copy(concurrency = 2)
        val report = op.bulk().deactivateWorkspaces(ids + missing, options)
        report.outcomes.take(4).forEach { assertEquals(WorkspaceStatus.Inactive, it.workspace!!.status) }
        assertTrue(report.outcomes.last().error is AirbyteException.NotFound)
        assertEquals("concurrency", assertThrows<AirbyteException.InvalidArgument> {
            op.bulk().mintScopedTokens(names, options.copy(concurrency = 0))
        }.argument)
    }

    @Test
    fun `workspace sync is a dry run unless applied`() {
        val op = sandbox.operator()
        val (kept, churned, new) = listOf("kept", "churned", "new").map { Sandbox.unique(it) }
        op.bulk().mintScopedTokens(listOf(kept, churned))
        val dry = op.bulk().syncWorkspaces(listOf(kept, new))
        assertNull(dry.report)
        assertEquals(listOf(new), dry.plan.create)
        assertTrue(churned in dry.plan.deactivate.map { it.name })
        val applied = op.bulk().syncWorkspaces(listOf(kept, new), apply = true)
        assertEquals(listOf(new), applied.report!!.created.outcomes.map { it.item })
        assertTrue(applied.report!!.deactivated.outcomes.all { it.error == null })
    }
}

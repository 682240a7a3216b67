package io.airbyte.embedded

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The async twins: suspend calls, typed errors, calls in parallel, `Flow<Workspace>`, cancellation. */
class AsyncTest {
    private val sandbox = Sandbox.shared
    private val templates = "/integrations/templates/sources"

    private fun asyncOperator(s: Sandbox = sandbox) = AsyncOperatorClient(s.clientId, s.clientSecret, s.config())

    @Test
    fun `suspend calls create a template and a source`(): Unit = runBlocking {
        asyncOperator().use { op ->
            val template = op.sourceTemplates().create(
                SourceTemplateCreate(actorDefinitionId = Sandbox.POSTGRES, partialDefaultConfig = buildJsonObject { put("port", 5432) }, name = Sandbox.unique("Postgres")),
            )
            assertTrue(op.sourceTemplates().list().any { it.id == template.id })
            val user = op.endUserClient(Sandbox.unique("acme"))
            val ws = user.workspaceId()
            val config = buildJsonObject {
                put("host", "db.acme.example")
                put("database", "app")
                put("username", "u")
                put("password", "p")
            }
            val source = user.sources().create(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = config, name = "Prod"))
            assertEquals("Prod", user.sources().get(source.id).name)
            assertEquals(listOf(source.id), user.sources().list(ws).map { it.id })
            user.sources().delete(source.id)
            op.sourceTemplates().delete(template.id)
            op.shutdown()
            assertThrows<AirbyteException.ClientClosed> { op.sourceTemplates() }
        }
    }

    /** What [block] throws, which must be a [T]. */
    private suspend inline fun <reified T : Throwable> thrown(crossinline block: suspend () -> Unit): T {
        val error = try {
            block()
            null
        } catch (e: Throwable) {
            e
        }
        assertTrue(error is T, "expected ${T::class.simpleName}, got $error")
        return error as T
    }

    @Test
    fun `an error is thrown as its typed exception from a suspend call`(): Unit = runBlocking {
        val op = asyncOperator()
        val e = thrown<AirbyteException.NotFound> { op.workspaces().get("00000000-0000-4000-8000-000000000000") }
        assertEquals(404, e.status)
        thrown<AirbyteException.InvalidArgument> { op.workspaces().listPage(WorkspaceFilter(limit = 0)) }
    }

    @Test
    fun `calls in parallel on one client overlap without holding the caller's thread`(): Unit = runBlocking {
        val op = asyncOperator()
        op.sourceTemplates().list()
        sandbox.fault("""{"kind": "delay", "millis": 400}""", templates, count = 8)
        // One thread runs every coroutine here: a call that blocked it would serialise them.
        var ticks = 0
        val ticker = launch {
            while (true) {
                delay(10)
                ticks++
            }
        }
        val started = System.nanoTime()
        val results = (1..8).map { async { op.sourceTemplates().list() } }.awaitAll()
        val elapsedMs = (System.nanoTime() - started) / 1_000_000
        ticker.cancel()
        assertEquals(8, results.size)
        assertTrue(elapsedMs < 1600, "8 calls of 400 ms took $elapsedMs ms")
        assertTrue(ticks >= 15, "$ticks ticks in $elapsedMs ms")
    }

    @Test
    fun `a Flow walks every workspace page by page`() {
        Sandbox("--check-duration-ms", "200").use { fresh ->
            val names = (0 until 12).map { "tenant-%02d".format(it) }
            fresh.operator().use { sync -> names.forEach { sync.mintScopedToken(ScopedTokenRequest(workspaceName = it)) } }
            runBlocking {
                val op = asyncOperator(fresh)
                assertEquals(names, op.workspaces().all(WorkspaceFilter(limit = 5)).toList().mapNotNull { it.name }.sorted())
                val pages = op.workspaces().pages(WorkspaceFilter(limit = 5))
                val sizes = mutableListOf<Int>()
                while (true) sizes.add((pages.nextPage() ?: break).size)
                assertEquals(listOf(5, 5, 2), sizes)
                assertEquals(2, op.workspaces().pages(WorkspaceFilter(nameContains = "tenant-1")).asFlow().toList().size)
            }
        }
    }

    @Test
    fun `a cancelled call returns at once and the client still works`(): Unit = runBlocking {
        val op = asyncOperator()
        op.sourceTemplates().list()
        sandbox.admin("DELETE", "requests")
        sandbox.fault("""{"kind": "delay", "millis": 3000}""", templates)
        val call = async(start = CoroutineStart.UNDISPATCHED) { op.sourceTemplates().list() }
        // Mid-flight: the request has reached the sandbox, which holds it for 3 s.
        val deadline = System.nanoTime() + 5_000_000_000
        while (!withContext(Dispatchers.IO) { sandbox.requests() }.contains(templates)) {
            assertTrue(System.nanoTime() < deadline, "the call never reached the sandbox")
            delay(20)
        }
        val started = System.nanoTime()
        call.cancel()
        thrown<CancellationException> { call.await() }
        val cancelMs = (System.nanoTime() - started) / 1_000_000
        assertTrue(cancelMs < 500, "the cancel took $cancelMs ms")
        assertTrue(call.isCancelled)

        // The same client serves the next calls at once (the abandoned request still waits).
        val again = System.nanoTime()
        op.sourceTemplates().list()
        op.tags().list()
        val againMs = (System.nanoTime() - again) / 1_000_000
        assertTrue(againMs < 1500, "the next calls took $againMs ms")
    }
}

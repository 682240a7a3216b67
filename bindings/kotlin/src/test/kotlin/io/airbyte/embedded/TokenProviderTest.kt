package io.airbyte.embedded

import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicInteger
import kotlin.concurrent.thread
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * A stand-in for the app's backend: mints through an operator client; [script] answers the
 * first fetches instead (a token text, or a Throwable to throw).
 */
class Backend(
    private val operator: OperatorClient,
    private val workspace: String,
    script: List<Any> = emptyList(),
    private val delayMs: Long = 0,
) : ScopedTokenProvider {
    private val script = ArrayDeque(script)
    val fetches = AtomicInteger()

    override fun fetchScopedToken(): String {
        fetches.incrementAndGet()
        val step = synchronized(script) { script.removeFirstOrNull() }
        Thread.sleep(delayMs)
        return when (step) {
            is Throwable -> throw step
            is String -> step
            else -> operator.mintScopedToken(ScopedTokenRequest(workspaceName = workspace)).expose()
        }
    }
}

class TokenProviderTest {
    private val sandbox = Sandbox.shared
    private val operator = sandbox.operator()

    private fun client(backend: Backend, on: Sandbox = sandbox) =
        EndUserClient.withTokenProvider(backend, on.config())

    @Test
    fun `the first call fetches and later calls reuse the token`() {
        val backend = Backend(operator, Sandbox.unique("provided"))
        client(backend).use { user ->
            assertEquals(0, backend.fetches.get())
            repeat(3) { user.sourceTemplates().list() }
            assertEquals(1, backend.fetches.get())
        }
    }

    @Test
    fun `an expired token is fetched again`() {
        Sandbox("--scoped-token-ttl", "2").use { short ->
            val backend = Backend(short.operator(), Sandbox.unique("provided"))
            client(backend, short).use { user ->
                user.tokenInfo()
                Thread.sleep(2100)
                user.tokenInfo()
                assertEquals(2, backend.fetches.get())
            }
        }
    }

    @Test
    fun `a refused token is renewed and the call sent once more`() {
        val backend = Backend(operator, Sandbox.unique("provided"), listOf("not-a-scoped-token"))
        client(backend).use { user ->
            user.sourceTemplates().list()
            assertEquals(2, backend.fetches.get())
        }
    }

    @Test
    fun `threads needing a token at once make one fetch`() {
        val backend = Backend(operator, Sandbox.unique("provided"), delayMs = 200)
        client(backend).use { user ->
            val start = CountDownLatch(1)
            val failures = AtomicInteger()
            val threads = (1..6).map {
                thread {
                    start.await()
                    runCatching { user.sourceTemplates().list() }.onFailure { failures.incrementAndGet() }
                }
            }
            start.countDown()
            threads.forEach { it.join() }
            assertEquals(0, failures.get())
            assertEquals(1, backend.fetches.get())
        }
    }

    @Test
    fun `provider failures are typed and the next call asks again`() {
        val backend = Backend(
            operator,
            Sandbox.unique("provided"),
            listOf(AirbyteException.Transport("backend unreachable"), IllegalStateException("signed out"), ""),
        )
        client(backend).use { user ->
            assertEquals("backend unreachable", assertThrows<AirbyteException.Transport> { user.tokenInfo() }.detail)
            assertTrue("signed out" in assertThrows<AirbyteException.TokenProvider> { user.tokenInfo() }.detail)
            assertTrue("empty token" in assertThrows<AirbyteException.TokenProvider> { user.tokenInfo() }.detail)
            user.tokenInfo()
            assertEquals(4, backend.fetches.get())
        }
    }
}

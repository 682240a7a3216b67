package io.airbyte.embedded

import java.net.ServerSocket
import java.time.Duration
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ErrorsTest {
    private val sandbox = Sandbox.shared
    private val operator = sandbox.operator(Sandbox.NO_RETRY)

    @AfterEach
    fun clearFaults() {
        sandbox.admin("DELETE", "faults")
    }

    @Test
    fun `detail shape 404`() {
        val e = assertThrows<AirbyteException.NotFound> { operator.workspaces().get("no-such-workspace") }
        assertEquals(404, e.status.toInt())
        assertTrue(e.message!!.contains("404") && e.message!!.contains(e.detail), e.message)
    }

    @Test
    fun `message and errors shape 400`() {
        sandbox.respond(400, """{"message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": "max_length"}]}""", "/integrations/templates/tags")
        val e = assertThrows<AirbyteException.Validation> { operator.tags().list() }
        assertEquals(400, e.status.toInt())
        assertEquals("Invalid request", e.detail)
        assertEquals(listOf(FieldError(field = "name", message = "too long", code = "max_length")), e.fieldErrors)
    }

    @Test
    fun `detail list shape 422`() {
        sandbox.respond(422, """{"detail": [{"loc": ["body", "allowed_origin"], "msg": "field required", "type": "value_error.missing"}]}""", "/integrations/templates/tags")
        val e = assertThrows<AirbyteException.Validation> { operator.tags().list() }
        assertEquals(422, e.status.toInt())
        assertEquals("body.allowed_origin", e.fieldErrors[0].field)
    }

    @Test
    fun `forbidden and html 502`() {
        sandbox.respond(403, """{"message": "nope", "errors": []}""", "/integrations/templates/tags")
        assertEquals("nope", assertThrows<AirbyteException.Forbidden> { operator.tags().list() }.detail)
        sandbox.respond(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "/workspaces", contentType = "text/html")
        val e = assertThrows<AirbyteException.Server> { operator.workspaces().stats() }
        assertEquals(502, e.status.toInt())
        assertTrue(e.detail.contains("Bad Gateway"))
    }

    @Test
    fun `rate limited carries retry after`() {
        sandbox.respond(429, """{"message": "Too many requests", "errors": []}""", "/workspaces",
            headers = """[["retry-after", "7"], ["x-ratelimit-limit", "1000"], ["x-ratelimit-remaining", "0"]]""")
        val e = assertThrows<AirbyteException.RateLimited> { operator.workspaces().stats() }
        assertEquals(429, e.status.toInt())
        assertTrue(e.rateLimit.retryAfter!! >= Duration.ofSeconds(7), e.rateLimit.toString())
        assertEquals(0uL, e.rateLimit.remaining)
        operator.tags().list()
        assertTrue(operator.lastRateLimit()!!.limit!! > 0u)
    }

    @Test
    fun `credentials transport and timeouts`() {
        OperatorClient(sandbox.clientId, "wrong-secret", sandbox.config()).use { client ->
            val e = assertThrows<AirbyteException.Unauthorized> { client.tags().list() }
            assertTrue(!e.message!!.contains("wrong-secret"))
        }
        val port = ServerSocket(0).use { it.localPort }
        OperatorClient("id", "secret", ClientConfig(baseUrl = "http://127.0.0.1:$port/api/v1", retry = Sandbox.NO_RETRY)).use { client ->
            val e = assertThrows<AirbyteException> { client.tags().list() }
            assertTrue(e is AirbyteException.Transport || e is AirbyteException.Timeout, e.toString())
        }
        OperatorClient(sandbox.clientId, sandbox.clientSecret, sandbox.config(Sandbox.NO_RETRY, Duration.ofMillis(300), Duration.ofMillis(300))).use { slow ->
            slow.tags().list()
            sandbox.fault("""{"kind": "delay", "millis": 1500}""", "/workspaces/stats")
            assertThrows<AirbyteException.Timeout> { slow.workspaces().stats() }
        }
    }

    @Test
    fun `retries hide a passing 502 and creates are not repeated`() {
        sandbox.operator(defaults().retryPolicy.copy(initialBackoff = Duration.ofMillis(10), maxBackoff = Duration.ofMillis(50))).use { op ->
            sandbox.respond(502, "<html>502</html>", "/workspaces/stats", contentType = "text/html")
            op.workspaces().stats()
            sandbox.respond(503, "{}", "/integrations/templates/tags")
            val e = assertThrows<AirbyteException.OutcomeUnknown> { op.tags().create("outcome-unknown") }
            assertEquals("POST", e.method)
            assertEquals("/integrations/templates/tags", e.path)
            assertEquals(503, e.status?.toInt())
            assertEquals("HTTP 503 from the server", e.reason)
            assertEquals("list tags by name before retrying", e.advice)
            assertTrue(e.message!!.contains(e.reason) && e.message!!.contains(e.advice), e.message)
        }
    }
}

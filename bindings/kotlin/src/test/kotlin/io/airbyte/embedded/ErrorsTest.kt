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
        assertEquals(404, e.status)
        assertTrue(e.message.contains("404") && e.message.contains(e.detail), e.message)
    }

    @Test
    fun `message and errors shape 400`() {
        sandbox.respond(400, """{"message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": "max_length"}]}""", "/integrations/templates/tags")
        val e = assertThrows<AirbyteException.Validation> { operator.tags().list() }
        assertEquals(400, e.status)
        assertEquals("Invalid request", e.detail)
        assertEquals(listOf(FieldError(field = "name", message = "too long", code = "max_length")), e.fieldErrors)
    }

    @Test
    fun `detail list shape 422`() {
        sandbox.respond(422, """{"detail": [{"loc": ["body", "allowed_origin"], "msg": "field required", "type": "value_error.missing"}]}""", "/integrations/templates/tags")
        val e = assertThrows<AirbyteException.Validation> { operator.tags().list() }
        assertEquals(422, e.status)
        assertEquals("body.allowed_origin", e.fieldErrors[0].field)
    }

    @Test
    fun `forbidden and html 502`() {
        sandbox.respond(403, """{"message": "nope", "errors": []}""", "/integrations/templates/tags")
        assertEquals("nope", assertThrows<AirbyteException.Forbidden> { operator.tags().list() }.detail)
        sandbox.respond(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "/workspaces", contentType = "text/html")
        val e = assertThrows<AirbyteException.Server> { operator.workspaces().stats() }
        assertEquals(502, e.status)
        assertTrue(e.detail.contains("Bad Gateway"))
    }

    @Test
    fun `rate limited carries retry after`() {
        sandbox.respond(429, """{"message": "Too many requests", "errors": []}""", "/workspaces",
            headers = """[["retry-after", "7"], ["x-ratelimit-limit", "1000"], ["x-ratelimit-remaining", "0"]]""")
        val e = assertThrows<AirbyteException.RateLimited> { operator.workspaces().stats() }
        assertEquals(429, e.status)
        assertTrue(e.rateLimit.retryAfter!! >= Duration.ofSeconds(7), e.rateLimit.toString())
        assertEquals(0L, e.rateLimit.remaining)
        operator.tags().list()
        assertTrue(operator.lastRateLimit()!!.limit!! > 0)
    }

    @Test
    fun `credentials transport and timeouts`() {
        OperatorClient(sandbox.clientId, "wrong-secret", sandbox.config()).use { client ->
            val e = assertThrows<AirbyteException.Unauthorized> { client.tags().list() }
            assertTrue(!e.message.contains("wrong-secret"))
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
            assertTrue(e.message.contains(e.reason) && e.message.contains(e.advice), e.message)
        }
    }

    @Test
    fun `each exception kind has its own class and the Rust text as its message`() {
        val notFound = assertThrows<AirbyteException.NotFound> { operator.workspaces().get("no-such-workspace") }
        assertEquals("not found (HTTP 404): ${notFound.detail}", notFound.message)
        assertEquals(404, notFound.httpStatus)
        assertEquals(errorText(notFound), notFound.message)
        assertEquals("io.airbyte.embedded.AirbyteException\$NotFound: ${notFound.message}", notFound.toString())

        OperatorClient(sandbox.clientId, "wrong-secret", sandbox.config(Sandbox.NO_RETRY)).use { client ->
            val e = assertThrows<AirbyteException.Unauthorized> { client.tags().list() }
            assertEquals("unauthorized (HTTP 401): Invalid client credentials", e.message)
        }

        sandbox.respond(400, """{"message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": "max_length"}]}""", "/integrations/templates/tags")
        val rejected = assertThrows<AirbyteException.Validation> { operator.tags().list() }
        assertEquals(listOf(FieldError(field = "name", message = "too long", code = "max_length")), rejected.fieldErrors)
        assertEquals("request rejected (HTTP 400): Invalid request; name: too long", rejected.message)
        sandbox.respond(422, """{"detail": [{"loc": ["body", "allowed_origin"], "msg": "field required", "type": "value_error.missing"}]}""", "/integrations/templates/tags")
        val summarised = assertThrows<AirbyteException.Validation> { operator.tags().list() }
        assertEquals("request rejected (HTTP 422): ${summarised.detail}", summarised.message)
        assertTrue(summarised.message.contains("body.allowed_origin") && summarised.message.contains("field required"), summarised.message)

        sandbox.respond(429, """{"message": "Too many requests", "errors": []}""", "/workspaces",
            headers = """[["retry-after", "7"], ["x-ratelimit-limit", "1000"], ["x-ratelimit-remaining", "0"]]""")
        val limited = assertThrows<AirbyteException.RateLimited> { operator.workspaces().stats() }
        assertEquals(429, limited.httpStatus)
        assertEquals("rate limited (HTTP 429): Too many requests; retry after 7 s; 0 of 1000 requests left", limited.message)

        val pg = json(Sandbox.spec("source-postgres"))
        val invalid = assertThrows<AirbyteException.InvalidConfig> { validateSourceConfig(pg, empty, obj("""{"host": 5}""")) }
        assertTrue(invalid.message.startsWith("invalid source config: ") && invalid.message.contains("/host"), invalid.message)
        assertEquals("invalid source config: ${invalid.detail}", invalid.message)

        val refused = assertThrows<AirbyteException.InvalidArgument> {
            OperatorClient("id", "secret", ClientConfig(baseUrl = "http://api.example.com/api/v1"))
        }
        assertEquals("base_url", refused.argument)
        assertEquals(null, refused.httpStatus)
        assertEquals("invalid argument `base_url`: ${refused.detail}", refused.message)
        assertTrue(refused.detail.isNotEmpty())
    }

    @Test
    fun `one catch clause per kind, in the order a caller writes them`() {
        fun kind(call: () -> Unit): String =
            try {
                call()
                "none"
            } catch (e: AirbyteException.NotFound) {
                "not found: ${e.message}"
            } catch (e: AirbyteException.RateLimited) {
                "rate limited: ${e.message}"
            } catch (e: AirbyteException) {
                "other: ${e.message}"
            }
        val notFound = kind { operator.workspaces().get("no-such-workspace") }
        assertTrue(notFound.startsWith("not found: not found (HTTP 404): "), notFound)
        sandbox.respond(429, """{"message": "slow down", "errors": []}""", "/workspaces")
        assertEquals("rate limited: rate limited (HTTP 429): slow down", kind { operator.workspaces().stats() })
        sandbox.admin("DELETE", "faults")
        sandbox.respond(409, """{"message": "already exists"}""", "/workspaces")
        assertEquals("other: unexpected response (HTTP 409): already exists", kind { operator.workspaces().stats() })
    }
}

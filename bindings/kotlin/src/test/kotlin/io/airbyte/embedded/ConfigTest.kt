package io.airbyte.embedded

import java.time.Duration
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ConfigTest {
    @Test
    fun `defaults target production`() {
        assertNull(ClientConfig().baseUrl)
        OperatorClient("id", "secret").use { assertEquals("https://api.airbyte.ai/api/v1", it.baseUrl()) }
        assertEquals(defaultBaseUrl(), "https://api.airbyte.ai/api/v1")
        assertEquals("b9e48d61-f082-4a14-a8d0-799a907938cb", regionEu())
        assertEquals("645a183f-b12b-4c6e-8ad3-99e165603450", regionUs())
    }

    @Test
    fun `each default is the core default`() {
        val defaults = defaults()
        assertEquals(defaults.clientConfig, ClientConfig())
        assertEquals(defaults.validationOptions, ValidationOptions())
        assertEquals(defaults.writeOptions, WriteOptions())
        assertEquals(defaults.validationOptions, WriteOptions().validation)
        assertEquals(defaults.tagFilter, TagFilter())
        assertEquals(defaults.workspaceFilter, WorkspaceFilter())
        // The records without field defaults take every value from `defaults()`: the core's.
        assertEquals(
            RetryPolicy(
                maxRetries = 3,
                initialBackoff = Duration.ofMillis(500),
                maxBackoff = Duration.ofSeconds(10),
                maxElapsed = Duration.ofMinutes(2),
                jitter = true,
            ),
            defaults.retryPolicy,
        )
        assertEquals(Pacing(belowRemaining = 50L, maxDelay = Duration.ofSeconds(5)), defaults.pacing)
        assertEquals(
            WaitOptions(timeout = Duration.ofMinutes(2), initialInterval = Duration.ofMillis(250), maxInterval = Duration.ofSeconds(5)),
            defaults.waitOptions,
        )
        assertEquals(defaults, defaults())
    }

    @Test
    fun `invalid settings name the argument`() {
        val org = assertThrows<AirbyteException.InvalidArgument> {
            OperatorClient("id", "secret", ClientConfig(organizationId = "acme"))
        }
        assertEquals("organization_id", org.argument)
        val http = assertThrows<AirbyteException.InvalidArgument> {
            OperatorClient("id", "secret", ClientConfig(baseUrl = "http://api.example.com/api/v1"))
        }
        assertEquals("base_url", http.argument)
        OperatorClient("id", "secret", ClientConfig(baseUrl = "http://api.example.com/api/v1", allowInsecureHttp = true)).close()
        assertEquals("read_timeout", assertThrows<AirbyteException.InvalidArgument> {
            OperatorClient("id", "secret", ClientConfig(readTimeout = Duration.ZERO))
        }.argument)
        assertEquals("retry_policy", assertThrows<AirbyteException.InvalidArgument> {
            OperatorClient("id", "secret", ClientConfig(retry = defaults().retryPolicy.copy(maxElapsed = Duration.ZERO)))
        }.argument)
        assertEquals("client_id", assertThrows<AirbyteException.InvalidArgument> { OperatorClient("", "s") }.argument)
        assertEquals("token", assertThrows<AirbyteException.InvalidArgument> { EndUserClient(" ") }.argument)
    }

    @Test
    fun `environment without credentials`() {
        if (System.getenv("AIRBYTE_CLIENT_ID").isNullOrEmpty()) {
            val e = assertThrows<AirbyteException.InvalidArgument> { OperatorClient.fromEnv() }
            assertEquals("AIRBYTE_CLIENT_ID", e.argument)
        }
        if (System.getenv("AIRBYTE_API_URL").isNullOrEmpty()) {
            assertEquals(defaultBaseUrl(), clientConfigFromEnv().baseUrl)
        }
    }

    @Test
    fun `token routes and user agent`() {
        val s = Sandbox.shared
        OperatorClient(s.clientId, s.clientSecret, ClientConfig(baseUrl = s.baseUrl, tokenRoutes = TokenRoutes.APPLICATIONS, userAgentSuffix = "my-app/1.2")).use { op ->
            assertTrue(op.mintScopedToken(ScopedTokenRequest(workspaceName = Sandbox.unique("routes"))).workspaceId() != null)
        }
        val log = s.requests()
        assertTrue(log.contains("/account/applications/scoped-token"))
        assertTrue(log.contains("my-app/1.2"))
    }
}

package io.airbyte.embedded

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshTest {
    private val sandbox = Sandbox("--token-ttl", "2", "--scoped-token-ttl", "2")

    @AfterAll
    fun stop() = sandbox.close()

    @Test
    fun `expired and revoked operator tokens are replaced`() {
        sandbox.operator().use { op ->
            op.tags().list()
            val minted = sandbox.tokenRequests()
            Thread.sleep(2500)
            op.tags().list()
            assertEquals(minted + 1, sandbox.tokenRequests())
            sandbox.admin("POST", "revoke-operator-tokens")
            op.tags().list()
            assertEquals(minted + 2, sandbox.tokenRequests())
        }
    }

    @Test
    fun `a second 401 is final`() {
        sandbox.operator().use { op ->
            op.tags().list()
            sandbox.fault("""{"kind": "expire_token"}""", "/integrations/templates/tags", count = 2)
            assertThrows<AirbyteException.Unauthorized> { op.tags().list() }
            sandbox.admin("DELETE", "faults")
        }
    }

    @Test
    fun `end user token is reminted`() {
        sandbox.operator().use { op ->
            val user = op.endUserClient("refresh-me")
            val id = user.workspaceId()
            user.sourceTemplates().list()
            Thread.sleep(2500)
            user.sourceTemplates().list()
            assertEquals(id, user.tokenInfo().workspaceId)
        }
    }
}

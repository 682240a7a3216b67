package io.airbyte.embedded

import java.util.Base64
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class TokensTest {
    private val sandbox = Sandbox.shared
    private val operator = sandbox.operator()

    @Test
    fun `scoped tokens`() {
        val name = Sandbox.unique("acme")
        val token = operator.mintScopedToken(ScopedTokenRequest(workspaceName = name))
        assertTrue(token.workspaceId() != null && token.expiresAtUnix()!! > 0)
        assertTrue("EMBEDDED_END_USER" in token.roles())
        assertEquals(operator.scopedToken(name).expose(), operator.scopedToken(name).expose())
        EndUserClient(token.expose(), sandbox.config()).use { user ->
            val info = user.tokenInfo()
            assertEquals(token.workspaceId(), info.workspaceId)
            assertEquals(sandbox.organizationId, info.organizationId)
            assertEquals(info.workspaceId, user.workspaceId())
        }
        assertEquals("workspace_name", assertThrows<AirbyteException.InvalidArgument> {
            operator.mintScopedToken(ScopedTokenRequest(workspaceName = " "))
        }.argument)
    }

    @Test
    fun `widget tokens`() {
        val widget = operator.mintWidgetToken(WidgetTokenRequest(workspaceName = Sandbox.unique("acme"), allowedOrigin = "https://app.acme.example"))
        assertTrue(widget.widgetUrl().startsWith("http"))
        assertTrue(widget.scopedToken().workspaceId() != null)
        assertEquals(widget.widgetUrl(), WidgetToken.decode(widget.exposeRaw()).widgetUrl())
        assertEquals("allowed_origin", assertThrows<AirbyteException.InvalidArgument> {
            operator.mintWidgetToken(WidgetTokenRequest(workspaceName = "x", allowedOrigin = "https://a.example/"))
        }.argument)
        val raw = Base64.getUrlEncoder().withoutPadding().encodeToString("""{"token":"a.b.c","widgetUrl":"https://w.example/"}""".toByteArray())
        assertEquals("a.b.c", WidgetToken.decode(raw).scopedToken().expose())
        assertThrows<AirbyteException.InvalidWidgetToken> { WidgetToken.decode("not base64 !!!") }
        validateAllowedOrigin("http://localhost:3000")
        assertThrows<AirbyteException.InvalidArgument> { validateAllowedOrigin("https://*.example.com") }
    }

    @Test
    fun `a fixed scoped token is not refreshed`() {
        val token = operator.mintScopedToken(ScopedTokenRequest(workspaceName = Sandbox.unique("fixed")))
        EndUserClient(token.expose(), sandbox.config()).use { user ->
            sandbox.fault("""{"kind": "expire_token"}""", "/embedded/source-templates")
            assertEquals(401, assertThrows<AirbyteException.Unauthorized> { user.sourceTemplates().list() }.status)
        }
    }
}

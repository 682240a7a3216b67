package io.airbyte.embedded

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class WorkspacesTest {
    @Test
    fun `45 workspaces over 3 pages`() {
        Sandbox().use { sandbox ->
            sandbox.operator().use { operator ->
                val names = (0 until 45).map { "tenant-%02d".format(it) }
                names.forEach { operator.mintScopedToken(ScopedTokenRequest(workspaceName = it)) }
                val pages = operator.workspaces().pages(WorkspaceFilter(limit = 20))
                val sizes = generateSequence { pages.nextPage() }.map { it.size }.toList()
                assertEquals(listOf(20, 20, 5), sizes)
                assertNull(pages.nextPage())
                assertEquals(names, operator.workspaces().all().map { it.name }.toList().sortedBy { it })
                assertEquals(45, operator.workspaces().pages(WorkspaceFilter(limit = 7)).asSequence().count())
                assertEquals((0 until 5).map { "tenant-4$it" }, operator.workspaces().all(WorkspaceFilter(nameContains = "tenant-4")).map { it.name }.toList())
                val first = operator.workspaces().listPage(WorkspaceFilter(limit = 20))
                assertEquals(20, first.data.size)
                assertTrue(first.next!!.contains("cursor="))
                val stats = operator.workspaces().stats()
                assertEquals(listOf(45L, 0L, 45L), listOf(stats.activeCount, stats.inactiveCount, stats.totalCount))
            }
        }
    }

    @Test
    fun `foreign next links stop the walk and unknown values are kept`() {
        Sandbox().use { sandbox ->
            val operator = sandbox.operator()
            sandbox.respond(200, """{"data": [{"id": "w1", "name": "one"}], "next": "https://evil.example/api/v1/workspaces?cursor=x"}""", "/workspaces")
            val walk = operator.workspaces().all().iterator()
            assertEquals("one", walk.next().name)
            val e = assertThrows<AirbyteException.Pagination> { walk.next() }
            assertTrue(e.detail.contains("evil.example"))
            sandbox.respond(200, """{"id": "w1", "status": "suspended"}""", "/workspaces/w1")
            val status = operator.workspaces().get("w1").status!!
            assertEquals(WorkspaceStatus.Unknown("suspended"), status)
            assertEquals("suspended", status.wireValue())
            assertEquals("propagate_columns", NonBreakingChangesPreference.PropagateColumns.wireValue())
        }
    }

    @Test
    fun `workspace crud`() {
        val operator = Sandbox.shared.operator()
        val token = operator.mintScopedToken(ScopedTokenRequest(workspaceName = Sandbox.unique("crud")))
        val ws = operator.workspaces().get(token.workspaceId()!!)
        assertEquals(WorkspaceStatus.Active, ws.status)
        assertEquals("${ws.name}-2", operator.workspaces().update(ws.id, WorkspaceUpdate(name = "${ws.name}-2")).name)
        assertEquals(WorkspaceStatus.Inactive, operator.workspaces().deactivate(ws.id).status)
        assertTrue(operator.workspaces().all(WorkspaceFilter(status = WorkspaceStatus.Inactive)).any { it.id == ws.id })
        assertEquals(ws.id, operator.workspaces().delete(ws.id).id)
        assertThrows<AirbyteException.NotFound> { operator.workspaces().get(ws.id) }
        assertEquals("limit", assertThrows<AirbyteException.InvalidArgument> { operator.workspaces().listPage(WorkspaceFilter(limit = 0)) }.argument)
    }
}

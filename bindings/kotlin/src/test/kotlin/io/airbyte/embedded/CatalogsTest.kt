package io.airbyte.embedded

import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.int
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.JsonArray
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class CatalogsTest {
    private val operator = Sandbox.shared.operator()

    @Test
    fun `a template catalog is queried, patched and its streams edited`() {
        val template = operator.sourceTemplates().create(
            SourceTemplateCreate(actorDefinitionId = Sandbox.POSTGRES, partialDefaultConfig = empty, name = Sandbox.unique("Postgres")),
        )
        val catalogs = operator.templateCatalogs()
        val read = catalogs.get(template.id)
        assertEquals(listOf("customers", "orders", "users"), read.sonarCatalog!!.streams.map { it.name })
        assertEquals(json("""["customers"]"""), catalogs.query(template.id, "streams[?suggested].name"))
        assertThrows<AirbyteException.Validation> { catalogs.query(template.id, "streams[?") }
        val patched = catalogs.patch(template.id, listOf(PatchOp(op = "add", path = "/selected_streams", value = JsonArray(listOf(JsonPrimitive("orders"))))))
        assertEquals(listOf("orders"), patched.selectedStreams)
        assertEquals(listOf("orders"), catalogs.get(template.id, true).sonarCatalog!!.streams.map { it.name })
        catalogs.addStream(template.id, SonarStream(name = "events", other = empty))
        val e = assertThrows<AirbyteException.InvalidArgument> { catalogs.addStream(template.id, SonarStream(other = empty)) }
        assertEquals("stream.name", e.argument)
        val changed = catalogs.patchStream(template.id, "events", listOf(PatchOp(op = "add", path = "/description", value = JsonPrimitive("Clicks"))))
        assertEquals("Clicks", changed.description)
        assertEquals("events", catalogs.deleteStream(template.id, "events").streamName)
        catalogs.replace(template.id, SonarCatalog(streams = listOf(SonarStream(name = "only", other = empty)), other = empty))
        assertEquals(listOf("only"), catalogs.get(template.id).sonarCatalog!!.streams.map { it.name })
        catalogs.delete(template.id)
        assertThrows<AirbyteException.NotFound> { catalogs.get(template.id) }
        operator.sourceTemplates().delete(template.id)
    }

    @Test
    fun `a definition catalog is read, blessed and queried`() {
        val catalogs = operator.definitionCatalogs()
        val read = catalogs.get(Sandbox.POSTGRES)
        assertEquals("Postgres", read.name)
        assertEquals(CatalogType.Structured, read.catalogType)
        catalogs.patch(Sandbox.POSTGRES, blessed = true)
        assertTrue(catalogs.get(Sandbox.POSTGRES).blessed)
        assertTrue(catalogs.query(Sandbox.POSTGRES, "length(streams)").jsonPrimitive.int >= 3)
    }
}

package io.airbyte.embedded

import kotlinx.serialization.json.JsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class DestinationsTest {
    private val unknown = "00000000-0000-4000-8000-00000000abcd"

    @Test
    fun `global templates clone into the organisation`() {
        val operator = Sandbox.shared.operator()
        val global = operator.sourceTemplates().listGlobal()
        val pg = global.first { it.name == "Postgres (Airbyte)" }
        assertFalse(operator.sourceTemplates().list().any { it.id == pg.id })
        val clone = operator.sourceTemplates().cloneTemplate(pg.id, Sandbox.unique("Postgres"))
        assertNotEquals(pg.id, clone.id)
        assertEquals(JsonPrimitive(5432), clone.partialDefaultConfig["port"])
        operator.sourceTemplates().delete(clone.id)
    }

    @Test
    fun `destination definitions`() {
        val operator = Sandbox.shared.operator()
        assertTrue(operator.definitions().listDestinations().any { it.id == Sandbox.S3 })
        val some = operator.definitions().listDestinations(listOf(Sandbox.S3, unknown))
        assertEquals(listOf(Sandbox.S3 to "S3"), some.map { it.id to it.name })
        val full = operator.definitions().getDestination(Sandbox.S3)
        assertTrue(full.definition.spec!!.toString().contains("secret_access_key"))
        assertThrows<AirbyteException.NotFound> { operator.definitions().getDestination(unknown) }
        val e = assertThrows<AirbyteException.InvalidArgument> { operator.definitions().listDestinations(listOf(" ")) }
        assertEquals("ids", e.argument)
    }

    @Test
    fun `a new source gets one destination per connection template`() {
        Sandbox().use { sandbox ->
            sandbox.operator().use { operator ->
                for (bucket in listOf("lake-a", "lake-b", "lake-c")) {
                    val s3 = """{"s3_bucket_name": "$bucket", "s3_bucket_path": "data", "s3_bucket_region": "eu-west-1",
                        "access_key_id": "AKIAEXAMPLE", "secret_access_key": "example-secret", "format": {"format_type": "JSONL"}}"""
                    operator.connectionTemplates().create(
                        ConnectionTemplateCreate(destinationName = "Lake $bucket", destinationDefinitionId = Sandbox.S3, destinationConfig = obj(s3)),
                    )
                }
                val sample = operator.sourceTemplates().listGlobal().first { it.name == "Sample Data (Airbyte)" }
                val template = operator.sourceTemplates().cloneTemplate(sample.id, null)
                operator.endUserClient(Sandbox.unique("acme")).use { user ->
                    val ws = user.workspaceId()
                    user.sources().create(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = empty))
                    val filter = DestinationFilter(workspaceId = ws, limit = 2)
                    val all = operator.destinations().all(filter).toList()
                    assertEquals(listOf("Lake lake-a", "Lake lake-b", "Lake lake-c"), all.map { it.name }.sortedBy { it })
                    val first = operator.destinations().listPage(filter)
                    assertEquals(2, first.data.size)
                    assertNotNull(first.next)
                    val one = operator.destinations().get(all[0].id)
                    assertEquals(Sandbox.S3, one.destinationDefinitionId)
                    assertEquals(JsonPrimitive(secretMask()), one.destinationConfig["secret_access_key"])
                    assertFalse(one.toString().contains("eu-west-1"))
                    val e = assertThrows<AirbyteException.InvalidArgument> {
                        operator.destinations().pages(DestinationFilter(workspaceId = "")).nextPage()
                    }
                    assertEquals("workspace_id", e.argument)
                }
            }
        }
    }
}

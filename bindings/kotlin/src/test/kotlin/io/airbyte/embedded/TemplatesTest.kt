package io.airbyte.embedded

import kotlinx.serialization.json.put
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class TemplatesTest {
    private val operator = Sandbox.shared.operator()

    @Test
    fun definitions() {
        val found = operator.definitions().listSources("postgres")
        assertEquals(listOf(Sandbox.POSTGRES), found.map { it.sourceDefinitionId })
        assertEquals(SupportLevel.Certified, found[0].supportLevel)
        assertTrue(operator.definitions().listSources().size >= 3)
        val detail = operator.definitions().getSource(Sandbox.POSTGRES)
        assertEquals(Sandbox.POSTGRES, detail.id)
        assertEquals("Postgres", detail.definition.name)
        assertTrue("connectionSpecification" in detail.definition.spec!!.jsonObject)
        val e = assertThrows<AirbyteException.NotFound> { operator.definitions().getSource("00000000-0000-0000-0000-000000000000") }
        assertEquals(404, e.status)
    }

    @Test
    fun tags() {
        val name = Sandbox.unique("crm")
        assertEquals(name, operator.tags().create(name).name)
        assertTrue(operator.tags().list().any { it.name == name })
        assertEquals("$name-x", operator.tags().rename(name, "$name-x").name)
        assertTrue(operator.tags().delete("$name-x").deletedAt != null)
        assertEquals("name", assertThrows<AirbyteException.InvalidArgument> { operator.tags().create("x".repeat(256)) }.argument)
    }

    @Test
    fun `source templates`() {
        val tag = operator.tags().create(Sandbox.unique("db")).name
        val t = operator.sourceTemplates().create(
            SourceTemplateCreate(
                actorDefinitionId = Sandbox.POSTGRES,
                partialDefaultConfig = obj("""{"port": 5432}"""),
                name = Sandbox.unique("Postgres"),
                customization = Customization(streamSelectionMode = StreamSelectionMode.All, other = empty),
            ),
        )
        assertEquals(obj("""{"port":5432}"""), t.partialDefaultConfig)
        assertEquals(StreamSelectionMode.All, t.customization?.streamSelectionMode)
        assertTrue(tag in operator.sourceTemplates().addTag(t.id, tag).tags)
        assertEquals(listOf(t.id), operator.sourceTemplates().list(TagFilter(tags = listOf(tag), mode = TagsMode.Any)).map { it.id })
        val updated = operator.sourceTemplates().update(t.id, SourceTemplateUpdate(partialDefaultConfig = obj("""{"port": 6543}"""), name = "Renamed"))
        assertEquals("Renamed", updated.name)
        val copy = operator.sourceTemplates().cloneTemplate(t.id, "Copy")
        assertNotEquals(t.id, copy.id)
        assertTrue(operator.sourceTemplates().removeTag(t.id, tag).deletedAt != null)
        assertFalse(tag in operator.sourceTemplates().get(t.id).tags)
        operator.sourceTemplates().delete(copy.id)
        assertEquals(t.id, operator.sourceTemplates().delete(t.id).id)
        assertThrows<AirbyteException.NotFound> { operator.sourceTemplates().get(t.id) }
        val bad = assertThrows<AirbyteException.InvalidArgument> {
            operator.sourceTemplates().create(SourceTemplateCreate(actorDefinitionId = Sandbox.POSTGRES, partialDefaultConfig = buildJsonObject { put("port", Double.NaN) }))
        }
        assertEquals("partial_default_config", bad.argument)
        assertTrue(bad.detail.startsWith("is not valid JSON text: "), bad.detail)
        val badOther = assertThrows<AirbyteException.InvalidArgument> {
            operator.sourceTemplates().create(SourceTemplateCreate(actorDefinitionId = Sandbox.POSTGRES, customization = Customization(other = buildJsonObject { put("x", Double.POSITIVE_INFINITY) }), partialDefaultConfig = empty))
        }
        assertEquals("customization", badOther.argument)
        assertTrue(badOther.detail.startsWith("is not valid JSON text: "), badOther.detail)
    }

    @Test
    fun `connection templates`() {
        val tag = operator.tags().create(Sandbox.unique("crm")).name
        val s3 = """{"s3_bucket_name": "acme", "s3_bucket_path": "airbyte", "s3_bucket_region": "us-east-1",
            "access_key_id": "AKIAEXAMPLE", "secret_access_key": "example-secret", "format": {"format_type": "JSONL"}}"""
        val c = operator.connectionTemplates().create(
            ConnectionTemplateCreate(
                destinationName = "Acme S3",
                destinationDefinitionId = Sandbox.S3,
                destinationConfig = obj(s3),
                cronExpression = "0 0 12 * * ?",
                nonBreakingChangesPreference = NonBreakingChangesPreference.PropagateColumns,
            ),
        )
        assertEquals(NonBreakingChangesPreference.PropagateColumns, c.nonBreakingChangesPreference)
        assertEquals(DataHostingType.UserHosted, c.dataHostingType)
        assertEquals(JsonPrimitive(secretMask()), c.destinationConfig!!["secret_access_key"])
        assertEquals(listOf(tag), operator.connectionTemplates().addTag(c.id, tag).tags)
        assertEquals(listOf(c.id), operator.connectionTemplates().list(TagFilter(tags = listOf(tag))).map { it.id })
        val u = operator.connectionTemplates().update(c.id, ConnectionTemplateUpdate(cronExpression = "0 30 6 * * ?", syncOnCreate = false))
        assertEquals(false, u.syncOnCreate)
        assertEquals(c.id, operator.connectionTemplates().get(c.id).id)
        assertTrue(operator.connectionTemplates().removeTag(c.id, tag).deletedAt != null)
        val hosted = operator.connectionTemplates().create(ConnectionTemplateCreate(dataHostingType = DataHostingType.AirbyteHosted))
        assertEquals(DataHostingType.AirbyteHosted, hosted.dataHostingType)
        assertTrue(operator.connectionTemplates().describeCron("0 0 12 * * ?").isValid)
        assertFalse(operator.connectionTemplates().describeCron("0 12 * * *").isValid)
        assertEquals("cron_expression", assertThrows<AirbyteException.InvalidArgument> {
            operator.connectionTemplates().create(ConnectionTemplateCreate(cronExpression = "0 12 * * *"))
        }.argument)
        operator.connectionTemplates().delete(c.id)
        operator.connectionTemplates().delete(hosted.id)
    }

    @Test
    fun `end user sees offered templates`() {
        val t = operator.sourceTemplates().create(SourceTemplateCreate(actorDefinitionId = Sandbox.STRIPE, name = Sandbox.unique("Stripe"), partialDefaultConfig = empty))
        operator.endUserClient(Sandbox.unique("ws")).use { user ->
            assertTrue(user.sourceTemplates().list().any { it.id == t.id })
            assertTrue(user.sourceTemplates().get(t.id).userConfigSpec!!.toString().contains("account_id"))
        }
        operator.sourceTemplates().delete(t.id)
    }

    @Test
    fun `typed stream customizations and mappers round trip`() {
        val customization = Customization(
            streamCustomizations = mapOf("users" to StreamCustomization(primaryKeyFields = listOf(listOf("id")), cursorField = listOf("updated_at"), other = empty)),
            streamMappers = mapOf(
                "users" to listOf(
                    StreamMapper.Hashing(config = HashingConfig(targetField = "email", method = HashingMethod.Sha256, other = empty), other = empty),
                    StreamMapper.FieldRenaming(config = FieldRenamingConfig(originalFieldName = "fname", newFieldName = "first_name", other = empty), other = empty),
                ),
            ),
            other = empty,
        )
        val created = operator.sourceTemplates().create(
            SourceTemplateCreate(actorDefinitionId = Sandbox.POSTGRES, partialDefaultConfig = empty, name = Sandbox.unique("Mapped"), customization = customization),
        )
        val back = operator.sourceTemplates().get(created.id).customization!!
        assertEquals(listOf(listOf("id")), back.streamCustomizations!!["users"]!!.primaryKeyFields)
        val mappers = back.streamMappers!!["users"]!!
        assertEquals(HashingMethod.Sha256, (mappers[0] as StreamMapper.Hashing).config.method)
        assertEquals("first_name", (mappers[1] as StreamMapper.FieldRenaming).config.newFieldName)
        operator.sourceTemplates().delete(created.id)
    }
}

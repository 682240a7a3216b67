package io.airbyte.embedded

import kotlinx.serialization.json.put
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.int
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.time.Duration
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class SourcesTest {
    private val sandbox = Sandbox.shared
    private val operator = sandbox.operator()
    private val fast = WaitOptions(timeout = Duration.ofSeconds(10), initialInterval = Duration.ofMillis(50), maxInterval = Duration.ofMillis(200))
    private val template = operator.sourceTemplates().create(
        SourceTemplateCreate(actorDefinitionId = Sandbox.POSTGRES, partialDefaultConfig = obj("""{"port": 5432}"""), name = Sandbox.unique("Postgres")),
    )

    @AfterEach
    fun cleanUp() {
        operator.sourceTemplates().delete(template.id)
    }

    private fun config(password: String = "hunter2-secret", host: String = "db.acme.example", port: String? = null) =
        buildJsonObject {
            put("host", host)
            put("database", "app")
            put("username", "airbyte")
            put("password", password)
            if (port != null) put("port", port)
        }

    @Test
    fun `end user source lifecycle and checks`() {
        operator.endUserClient(Sandbox.unique("acme")).use { user ->
            val ws = user.workspaceId()
            val source = user.sources().create(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = config(), name = "Prod"))
            assertEquals(secretMask(), source.sourceConfig["password"]?.jsonPrimitive?.content)
            assertEquals(5432, source.sourceConfig["port"]?.jsonPrimitive?.int)
            assertEquals("Prod", user.sources().get(source.id).name)
            assertEquals(listOf(source.id), user.sources().list(ws).map { it.id })
            val ok = user.sources().waitForCheck(user.sources().check(source.id).id, fast)
            assertEquals(CheckState.Succeeded, ok.status)
            assertEquals("Replica", user.sources().update(source.id, SourceUpdate(name = "Replica")).name)
            val bad = user.sources().check(source.id, SourceUpdate(sourceConfig = config(password = "wrong-password")))
            val failed = user.sources().waitForCheck(bad.id, fast)
            assertEquals(CheckState.Failed, failed.status)
            assertEquals("config_error", failed.failureReason?.failureType)
            val early = user.sources().checkConfig(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = config(host = "db.example.invalid")))
            assertEquals(CheckState.Failed, user.sources().waitForCheck(early.id, fast).status)
            assertThrows<AirbyteException.Timeout> {
                user.sources().waitForCheck(
                    user.sources().checkConfig(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = config())).id,
                    WaitOptions(timeout = Duration.ofMillis(1), initialInterval = Duration.ofMillis(1), maxInterval = Duration.ofMillis(1)),
                )
            }
            assertEquals(listOf(source.id), operator.sources().list(ws).map { it.id })
            assertEquals(source.id, operator.sources().get(source.id).id)
            assertEquals("By the operator", operator.sources().update(source.id, SourceUpdate(name = "By the operator")).name)
            assertEquals(CheckState.Succeeded, operator.sources().waitForCheck(operator.sources().check(source.id).id, fast).status)
            operator.endUserClient(Sandbox.unique("other")).use { other ->
                assertEquals(403, assertThrows<AirbyteException.Forbidden> { other.sources().list(ws) }.status)
            }
            assertEquals(source.id, user.sources().delete(source.id).id)
            assertThrows<AirbyteException.NotFound> { user.sources().get(source.id) }
        }
    }

    @Test
    fun `validation errors carry paths and nothing is sent`() {
        operator.endUserClient(Sandbox.unique("acme")).use { user ->
            val ws = user.workspaceId()
            val e = assertThrows<AirbyteException.InvalidConfig> {
                user.sources().create(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = obj("""{"host": "db", "port": "5432", "password": "**********"}""")))
            }
            val problems = e.errors.map { it.path to it.keyword }.toSet()
            assertTrue(("/database" to "required") in problems, problems.toString())
            assertTrue(("/port" to "type") in problems, problems.toString())
            assertTrue(("/password" to "airbyte_secret") in problems, problems.toString())
            assertTrue(e.message.startsWith("invalid source config: ") && e.message.contains("/database"), e.message)
            val coerced = user.sources().create(
                SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = config(port = "6543")),
                WriteOptions(validation = ValidationOptions(coerceScalars = true)),
            )
            assertEquals(JsonPrimitive(6543), coerced.sourceConfig["port"])
            val rejected = assertThrows<AirbyteException.Validation> {
                user.sources().create(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = obj("""{"host": "db"}""")), WriteOptions(validate = false))
            }
            assertTrue(rejected.status in setOf(400, 422))
            // A value JSON cannot spell (a NaN) is refused naming the field, before and
            // without validation.
            val notJson = buildJsonObject {
                put("password", "hunter2")
                put("port", Double.NaN)
            }
            for (options in listOf(WriteOptions(), WriteOptions(validate = false))) {
                val refused = assertThrows<AirbyteException.InvalidArgument> {
                    user.sources().create(SourceCreate(workspaceId = ws, sourceTemplateId = template.id, sourceConfig = notJson), options)
                }
                assertEquals("source_config", refused.argument)
                assertTrue(refused.detail.startsWith("is not valid JSON text: "), refused.detail)
                assertFalse(refused.message.contains("hunter2"), refused.message)
            }
            val update = assertThrows<AirbyteException.InvalidArgument> {
                user.sources().update("src", SourceUpdate(sourceConfig = notJson), WriteOptions(validate = false))
            }
            assertEquals("source_config", update.argument)
        }
    }
}

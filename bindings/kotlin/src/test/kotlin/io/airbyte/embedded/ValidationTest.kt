package io.airbyte.embedded

import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.put
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ValidationTest {
    private val pg = json(Sandbox.spec("source-postgres"))

    @Test
    fun `valid config and errors with paths`() {
        val ok = validateSourceConfig(pg, obj("""{"port": 5432}"""), obj("""{"host": "h", "database": "d", "username": "u"}"""))
        assertEquals(5432, ok.merged["port"]?.jsonPrimitive?.int)
        val e = assertThrows<AirbyteException.InvalidConfig> { validateSourceConfig(pg, empty, obj("""{"host": 5, "port": "x"}""")) }
        val byPath = e.errors.associateBy { it.path }
        assertEquals("type", byPath.getValue("/host").keyword)
        assertEquals("required", byPath.getValue("/database").keyword)
        val coerced = validateSourceConfig(pg, empty, obj("""{"host": "h", "port": "5432", "database": "d", "username": "u"}"""), ValidationOptions(coerceScalars = true))
        assertEquals(listOf(Coercion("/port", JsonPrimitive("5432"), JsonPrimitive(5432))), coerced.coercions)
    }

    @Test
    fun `secrets, merge and form`() {
        assertEquals(obj("""{"host":"h","password":"**********"}"""), maskSecrets(pg, obj("""{"host": "h", "password": "hunter2"}""")))
        assertTrue("/password" in secretPaths(pg))
        assertEquals(listOf("/password"), maskedSecretPaths(pg, obj("""{"password": "**********"}""")))
        assertEquals(obj("""{"port":1,"host":"b"}"""), mergeConfig(pg, obj("""{"port": 1, "host": "a"}"""), obj("""{"host": "b"}""")))
        assertTrue("connectionSpecification" in userConfigSpec(pg, obj("""{"host": "a"}""")).jsonObject)
        val fields = formModel(pg, obj("""{"port": 5432}""")).jsonObject.getValue("fields").jsonArray.map { it.jsonObject }
        val password = fields.single { it["key"]?.jsonPrimitive?.content == "password" }
        assertEquals(true, password["secret"]?.jsonPrimitive?.boolean)
        assertEquals("spec", assertThrows<AirbyteException.InvalidArgument> { maskSecrets(buildJsonObject { put("x", Double.NaN) }, empty) }.argument)
        assertThrows<AirbyteException.InvalidSpec> { secretPaths(json("""{"connectionSpecification": {"type": 12}}""")) }
    }
}

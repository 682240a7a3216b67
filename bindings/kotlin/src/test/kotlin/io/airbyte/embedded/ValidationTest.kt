package io.airbyte.embedded

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ValidationTest {
    private val pg = Sandbox.spec("source-postgres")

    @Test
    fun `valid config and errors with paths`() {
        val ok = validateSourceConfig(pg, """{"port": 5432}""", """{"host": "h", "database": "d", "username": "u"}""")
        assertTrue(ok.merged.contains("\"port\":5432"))
        val e = assertThrows<AirbyteException.InvalidConfig> { validateSourceConfig(pg, "{}", """{"host": 5, "port": "x"}""") }
        val byPath = e.errors.associateBy { it.path }
        assertEquals("type", byPath.getValue("/host").keyword)
        assertEquals("required", byPath.getValue("/database").keyword)
        val coerced = validateSourceConfig(pg, "{}", """{"host": "h", "port": "5432", "database": "d", "username": "u"}""", ValidationOptions(coerceScalars = true))
        assertEquals(listOf(Coercion("/port", "\"5432\"", "5432")), coerced.coercions)
    }

    @Test
    fun `secrets, merge and form`() {
        assertEquals("""{"host":"h","password":"**********"}""", maskSecrets(pg, """{"host": "h", "password": "hunter2"}"""))
        assertTrue("/password" in secretPaths(pg))
        assertEquals(listOf("/password"), maskedSecretPaths(pg, """{"password": "**********"}"""))
        assertEquals("""{"port":1,"host":"b"}""", mergeConfig(pg, """{"port": 1, "host": "a"}""", """{"host": "b"}"""))
        assertTrue(userConfigSpec(pg, """{"host": "a"}""").contains("connectionSpecification"))
        val form = formModel(pg, """{"port": 5432}""")
        assertTrue(form.contains("\"key\":\"password\"") && form.contains("\"secret\":true"))
        assertEquals("spec", assertThrows<AirbyteException.InvalidArgument> { maskSecrets("{", "{}") }.argument)
        assertThrows<AirbyteException.InvalidSpec> { secretPaths("""{"connectionSpecification": {"type": 12}}""") }
    }
}

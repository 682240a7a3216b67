package io.airbyte.embedded

import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** A compiled `Spec`: the free functions' answers on every fixture case, and clean failures. */
class SpecTest {
    private val specs = Path.of(System.getProperty("airbyte.specs.dir") ?: "../../tests/fixtures/specs")
    private val cases = specs.resolveSibling("cases")

    /** What a validation answered: the validated config, or every error. */
    private fun outcome(call: () -> ValidatedConfig): Any =
        try {
            call()
        } catch (e: AirbyteException.InvalidConfig) {
            e.errors
        }

    @Test
    fun `a compiled spec answers as the free functions on every fixture case`() {
        val names = Files.list(specs).use { s -> s.map { it.fileName.toString() }.filter { it.endsWith(".json") }.map { it.removeSuffix(".json") }.sorted().toList() }
        assertTrue(names.size >= 7, "$names")
        for (name in names) {
            val text = Sandbox.spec(name)
            val value = json(text)
            Spec(value).use { spec ->
                assertEquals(secretPaths(value), spec.secretPaths())
                Spec.fromText(text).use { fromText -> assertEquals(spec.secretPaths(), fromText.secretPaths()) }
                val all = json(Files.readString(cases.resolve("$name.json"))).jsonArray
                assertTrue(all.isNotEmpty(), name)
                for (case in all) {
                    val fields = case.jsonObject
                    val defaults = fields.getValue("partial_default_config").jsonObject
                    val config = fields.getValue("source_config").jsonObject
                    val options = fields["options"]?.jsonObject?.let { o ->
                        fun flag(key: String, default: Boolean) = o[key]?.jsonPrimitive?.boolean ?: default
                        ValidationOptions(
                            assertDateTime = flag("assert_date_time", true),
                            coerceScalars = flag("coerce_scalars", false),
                            skipMaskedSecrets = flag("skip_masked_secrets", false),
                            injectDefaults = flag("inject_defaults", true),
                        )
                    }
                    val free = outcome { validateSourceConfig(value, defaults, config, options) }
                    assertEquals(free, outcome { spec.validateWith(config, defaults, options) }, "$name: ${fields["name"]}")
                    assertEquals(fields.getValue("valid").jsonPrimitive.boolean, free is ValidatedConfig, "$name: ${fields["name"]}")
                    if (defaults.isEmpty() && options == null) {
                        assertEquals(free, outcome { spec.validate(config) }, "$name: ${fields["name"]}")
                        assertEquals(free, outcome { spec.validateText(config.toString()) }, "$name: ${fields["name"]}")
                        assertEquals(free is ValidatedConfig, spec.isValid(config), "$name: ${fields["name"]}")
                        assertEquals(free is ValidatedConfig, spec.isValidText(config.toString()), "$name: ${fields["name"]}")
                    }
                    assertEquals(maskSecrets(value, config), spec.maskSecrets(config))
                    assertEquals(formModel(value, defaults), spec.form(defaults))
                }
                assertEquals(formModel(value, empty), spec.form())
            }
        }
    }

    @Test
    fun `a spec that does not load fails when made`() {
        val remote = assertThrows<AirbyteException.InvalidSpec> { Spec(json("""{"connectionSpecification": {"${'$'}ref": "https://example.com/s.json"}}""")) }
        assertTrue(remote.detail.contains("remote"), remote.detail)
        assertThrows<AirbyteException.InvalidSpec> { Spec(json("""{"type": "wat"}""")) }
        assertEquals("spec", assertThrows<AirbyteException.InvalidArgument> { Spec.fromText("not json") }.argument)
        Spec.fromText(Sandbox.spec("source-tiny")).use { spec ->
            assertEquals("source_config", assertThrows<AirbyteException.InvalidArgument> { spec.validateText("[1]") }.argument)
            assertEquals("source_config", assertThrows<AirbyteException.InvalidArgument> { spec.isValidText("[1]") }.argument)
        }
    }

    @Test
    fun `a closed spec fails cleanly`() {
        val spec = Spec.fromText(Sandbox.spec("source-tiny"))
        assertEquals(obj("""{"count":3}"""), spec.validate(obj("""{"count": 3}""")).sourceConfig)
        spec.close()
        val e = assertThrows<IllegalStateException> { spec.validate(obj("""{"count": 3}""")) }
        assertEquals("Spec object has already been destroyed", e.message)
        assertThrows<IllegalStateException> { spec.secretPaths() }
        spec.close() // again: nothing happens
    }
}

/** Just enough of a JSON reader for the fixture files: the raw text of each array element and
 * object member (strings unquoted), without interpreting anything else. */

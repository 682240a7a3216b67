package io.airbyte.embedded

import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.add
import kotlinx.serialization.json.addJsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonArray
import kotlinx.serialization.json.putJsonObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Configs, specs and form models as kotlinx.serialization JSON values, both ways. */
class JsonTest {
    /** A spec with no constraints: any object passes, so values cross unchanged. */
    private val open = buildJsonObject { putJsonObject("connectionSpecification") { put("type", "object") } }

    private val nested: JsonObject = buildJsonObject {
        put("host", "db.example.com")
        put("port", 5432)
        put("big", Long.MAX_VALUE)
        put("u64", JsonPrimitive(18446744073709551615UL))
        put("ratio", 0.1)
        put("none", JsonNull)
        put("on", true)
        put("unicode", "Zürich ✓ 東京 \uD83D\uDE80 \"quoted\" \\ \n\t")
        putJsonObject("empty") {}
        putJsonArray("list") {
            add(1)
            add(2.5)
            add("x")
            add(JsonNull)
            addJsonObject { putJsonArray("deep") { addJsonObject { put("deeper", "a") } } }
        }
    }

    @Test
    fun `nested values cross both ways unchanged`() {
        Spec(open).use { spec ->
            val back = spec.validate(nested).sourceConfig
            assertEquals(nested, back)
            assertEquals(nested.keys.toList(), back.keys.toList())
            assertEquals(Long.MAX_VALUE, back.getValue("big").jsonPrimitive.long)
            assertEquals("18446744073709551615", back.getValue("u64").jsonPrimitive.content)
            assertEquals(0.1, back.getValue("ratio").jsonPrimitive.double)
            assertEquals(JsonNull, back["none"])
        }
        // Any JSON value, not only objects, crosses as a value.
        for (value in listOf(nested, nested.getValue("list"), JsonPrimitive("text"), JsonPrimitive(12), JsonNull)) {
            assertEquals(value, maskSecrets(open, value))
        }
    }

    @Test
    fun `results are JSON elements`() {
        val form = formModel(json(Sandbox.spec("source-postgres")), buildJsonObject { put("port", 5432) }).jsonObject
        assertTrue(form.getValue("fields").jsonArray.isNotEmpty())
        val merged = mergeConfig(open, buildJsonObject { put("a", 1) }, buildJsonObject { put("b", "x") })
        assertEquals(obj("""{"a": 1, "b": "x"}"""), merged)
    }

    @Test
    fun `text stays available`() {
        Spec.fromText("""{"connectionSpecification": {"type": "object"}}""").use { spec ->
            val validated = spec.validateText("""{"b": 1, "a": [true, null]}""")
            assertEquals(listOf("b", "a"), validated.sourceConfig.keys.toList())
            assertEquals("""{"b":1,"a":[true,null]}""", validated.sourceConfig.toString())
        }
    }

    @Test
    fun `a value JSON cannot spell is refused naming the field`() {
        val bad = buildJsonObject {
            put("password", "hunter2")
            put("ratio", Double.NaN)
        }
        Spec(open).use { spec ->
            val e = assertThrows<AirbyteException.InvalidArgument> { spec.validate(bad) }
            assertEquals("source_config", e.argument)
            assertTrue(e.detail.startsWith("is not valid JSON text: "), e.detail)
            assertTrue("hunter2" !in e.message, e.message)
            val defaults = assertThrows<AirbyteException.InvalidArgument> { spec.validateWith(empty, bad) }
            assertEquals("partial_default_config", defaults.argument)
        }
    }
}

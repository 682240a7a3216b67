package io.airbyte.embedded

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

/** The JSON object [text] spells: test data and fixtures written as JSON text. */
fun obj(text: String): JsonObject = Json.parseToJsonElement(text).jsonObject

/** The JSON value [text] spells. */
fun json(text: String): JsonElement = Json.parseToJsonElement(text)

/** An empty JSON object. */
val empty = JsonObject(emptyMap())

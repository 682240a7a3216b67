// JSON values as kotlinx.serialization elements, for the generated bindings' `JsonObject`
// (kotlinx `JsonObject`) and `JsonValue` (kotlinx `JsonElement`): connector configs, specs,
// `partialDefaultConfig`, destination configs and form models. They cross the native library as
// JSON text; the generated converters (bindings/uniffi/uniffi.toml) call the functions here.
package io.airbyte.embedded

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

/**
 * The object the library's JSON object text spells (the library only ever sends valid JSON
 * objects). Numbers keep their text, so a large integer stays exact.
 */
internal fun liftJsonObject(text: String): JsonObject = Json.parseToJsonElement(text).jsonObject

/** The value the library's JSON text spells. */
internal fun liftJsonElement(text: String): JsonElement = Json.parseToJsonElement(text)

/**
 * The JSON text of [value]. An element that is not JSON (a `JsonPrimitive(Double.NaN)`) is
 * written as kotlinx writes it, and the library refuses the call with
 * [AirbyteException.InvalidArgument] naming the argument or field (`source_config`).
 */
internal fun lowerJson(value: JsonElement): String = value.toString()

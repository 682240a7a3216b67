// The errors' hand-written part: what Java callers cannot reach on the generated exceptions.
// Each `AirbyteException` subclass's `status` is a Kotlin `UShort` (the Rust `u16`), and Kotlin
// hides members of unsigned types from Java (their JVM names are mangled); `message` (Java
// `getMessage()`) is the Rust error's text (scripts/kotlin-error-messages).
//
//     } catch (AirbyteException e) {
//         Integer status = AirbyteErrors.httpStatus(e);   // 404, or null
//         System.err.println(e.getMessage());             // not found (HTTP 404): Workspace not found
//     }
@file:JvmName("AirbyteErrors")

package io.airbyte.embedded

/**
 * The HTTP status of the response the error came from, as an `Int` (Java: an `Integer`), or
 * `null` when it came from none (a transport error, a timeout, a refused argument, an
 * [AirbyteException.OutcomeUnknown] after a broken connection): the Rust `Error::status()`,
 * through the facade's `error_status`.
 */
@get:JvmName("httpStatus")
val AirbyteException.httpStatus: Int?
    get() = errorStatus(this)

// The errors' hand-written part: the HTTP status of any `AirbyteException`, whichever its
// subclass (each HTTP subclass also has its own `status`, an `Int`); `message` (Java
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

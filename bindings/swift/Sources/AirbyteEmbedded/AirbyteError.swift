// Hand-written: the errors' text for people. uniffi's own `LocalizedError` conformance is
// turned off (bindings/uniffi/uniffi.toml: `omit_localized_error_conformance`), because it
// describes an error with `String(reflecting:)`, a dump of the case and its fields. Here
// `localizedDescription` and `"\(error)"` are the Rust error's text instead:
//
//     do {
//         _ = try op.workspaces().get(id: id)
//     } catch let error as AirbyteError {
//         print(error.localizedDescription)   // not found (HTTP 404): Workspace not found
//     }
//
// `String(reflecting: error)` (`debugPrint`) still shows the case and its fields.

import Foundation

extension AirbyteError: LocalizedError, CustomStringConvertible {
    /// What went wrong, as the Rust error's `Display` writes it: the HTTP status, the service's
    /// message with its field errors, the rate-limit numbers (`rate limited (HTTP 429): Too
    /// many requests; retry after 7 s; 0 of 1000 requests left`). Never holds a token or an
    /// `airbyte_secret` value. This is `localizedDescription`.
    public var errorDescription: String? { errorText(error: self) }

    /// The same text as `errorDescription`: what `"\(error)"` and `print(error)` show.
    public var description: String { errorText(error: self) }
}

// uniffi 0.32 generates the error's `description` (the exported Rust `Display`) without
// declaring the conformance: declared here, so that `"\(error)"` prints it.
extension TokenStoreError: LocalizedError, CustomStringConvertible {
    /// `token store unavailable: connection refused`: the Rust error's `Display`, which the
    /// generated `description` is.
    public var errorDescription: String? { description }
}

import Foundation
import XCTest
@testable import AirbyteEmbedded

/// `close()` ends a client: later calls on it and on every handle made from it throw
/// `AirbyteError.clientClosed`.
final class LifecycleTests: XCTestCase {
    private func assertClosed<T>(
        _ body: @autoclosure () throws -> T, naming name: String = "OperatorClient",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let error = expectAirbyteError(try body(), file: file, line: line)
        guard case .clientClosed(let detail)? = error else {
            return XCTFail("expected ClientClosed, got \(String(describing: error))", file: file, line: line)
        }
        XCTAssertTrue(detail.contains(name), detail, file: file, line: line)
        XCTAssertTrue(error!.localizedDescription.contains("closed"), error!.localizedDescription, file: file, line: line)
    }

    func testCloseEndsTheClientAndEveryHandleMadeFromIt() throws {
        let op = try Sandbox.operatorClient()
        let tags = try op.tags()
        let sources = try op.sources()
        let pages = try op.workspaces().pages(filter: nil)
        let user = try op.endUserClient(workspaceName: Sandbox.unique("swift-closed"))
        let userSources = try user.sources()
        let workspaceId = try user.workspaceId()
        XCTAssertNoThrow(try tags.list())

        op.close()
        assertClosed(try op.tags())
        assertClosed(try op.baseUrl())
        assertClosed(try op.lastRateLimit())
        assertClosed(try op.mintScopedToken(request: ScopedTokenRequest(workspaceName: Sandbox.unique("swift-closed"))))
        assertClosed(try tags.list())
        assertClosed(try sources.list(workspaceId: workspaceId))
        assertClosed(try pages.nextPage())
        assertClosed(try user.workspaceId())
        assertClosed(try userSources.list(workspaceId: workspaceId))
        op.close()  // again: nothing happens

        // An end-user client closes on its own and leaves its operator open.
        let other = try Sandbox.operatorClient()
        let own = try other.endUserClient(workspaceName: Sandbox.unique("swift-own"))
        XCTAssertFalse(try own.workspaceId().isEmpty)
        own.close()
        assertClosed(try own.tokenInfo(), naming: "EndUserClient")
        XCTAssertNoThrow(try other.tags().list())
    }
}

/// The string forms of records holding a connector config: keys shown, values `[REDACTED]`.
final class RedactionTests: XCTestCase {
    private let secret = "swift-s3cr3t-value"

    func testRecordsPrintConfigKeysButNoValues() throws {
        let config = try obj(#"{"host": "db.example.com", "password": "\#(secret)", "tunnel": {"ssh_key": "\#(secret)", "port": 22}, "hosts": [{"token": "\#(secret)"}]}"#)
        let create = SourceCreate(workspaceId: "ws-visible", sourceTemplateId: "tpl-visible", sourceConfig: config, name: "mine")
        let records: [Any] = [
            create,
            SourceUpdate(name: "renamed", sourceConfig: config),
            SourceTemplateCreate(actorDefinitionId: "def-visible", partialDefaultConfig: config),
            SourceTemplateUpdate(partialDefaultConfig: config, propagate: true),
            ConnectionTemplateCreate(destinationName: "warehouse", destinationConfig: config),
            ConnectionTemplateUpdate(destinationConfig: config),
        ]
        for record in records {
            let texts = [String(describing: record), String(reflecting: record), "\(record)", "\([record])"]
            for text in texts {
                XCTAssertFalse(text.contains(secret), text)
                XCTAssertFalse(text.contains("db.example.com"), text)
                for key in [#""host": [REDACTED]"#, #""password": [REDACTED]"#, #""ssh_key": [REDACTED]"#,
                            #""port": [REDACTED]"#, #""token": [REDACTED]"#] {
                    XCTAssertTrue(text.contains(key), "\(key) in \(text)")
                }
            }
        }
        XCTAssertTrue(create.description.hasPrefix(#"SourceCreate { workspace_id: "ws-visible""#), create.description)
        XCTAssertEqual(create.description, create.debugDescription)
        // A value JSON cannot spell (a NaN) prints as unparsed, none of it shown, and a call
        // refuses it before sending (no token is fetched: this client has no server), naming the
        // field and not the value.
        let offline = try OperatorClient(clientId: "id", clientSecret: "secret")
        for text: JSONObject in [["password": .string(secret), "ratio": .double(.nan)], ["token": .string(secret), "n": .double(-.infinity)]] {
            let notObject = SourceCreate(workspaceId: "ws-visible", sourceTemplateId: "tpl", sourceConfig: text)
            let template = SourceTemplateCreate(
                actorDefinitionId: "def", partialDefaultConfig: text, customization: Customization(other: text))
            for printed in [notObject.description, notObject.debugDescription, "\(notObject)", "\([notObject])"] {
                XCTAssertFalse(printed.contains(secret), printed)
                XCTAssertTrue(printed.contains("source_config: [REDACTED: not JSON object text]"), printed)
                XCTAssertTrue(printed.contains(#""ws-visible""#), printed)
            }
            for printed in [template.description, template.debugDescription, "\(template)"] {
                XCTAssertFalse(printed.contains(secret), printed)
                XCTAssertTrue(printed.contains("partial_default_config: [REDACTED: not JSON object text]"), printed)
                XCTAssertTrue(printed.contains("other: [REDACTED: not JSON object text]"), printed)
            }
            XCTAssertEqual(notObject.sourceConfig, text)
            let refused = expectAirbyteError(
                try offline.sources().create(source: notObject, options: WriteOptions(validate: false)))
            if case .invalidArgument(let argument, let detail)? = refused {
                XCTAssertEqual(argument, "source_config")
                XCTAssertFalse(detail.contains(secret), detail)
            } else {
                XCTFail("expected InvalidArgument, got \(String(describing: refused))")
            }
            XCTAssertFalse(String(describing: refused).contains(secret))
        }
        // Only the string forms change: the fields keep their values.
        XCTAssertEqual(create.sourceConfig["password"], .string(secret))
        XCTAssertEqual(create, SourceCreate(workspaceId: "ws-visible", sourceTemplateId: "tpl-visible", sourceConfig: config, name: "mine"))
    }
}

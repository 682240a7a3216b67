import Foundation
import XCTest
@testable import AirbyteEmbedded

/// Collects the records the SDK sends (from whichever thread made the call).
final class CollectingLogger: Logger, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [LogRecord] = []

    func log(record: LogRecord) {
        lock.lock()
        defer { lock.unlock() }
        collected.append(record)
    }

    var records: [LogRecord] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

final class LoggerTests: XCTestCase {
    override func tearDown() {
        clearLogger()
    }

    func testTheHostLoggerReceivesRedactedSdkRecords() throws {
        let logger = CollectingLogger()
        setLogger(logger: logger, maxLevel: .trace)
        let op = try Sandbox.operatorClient()
        _ = try op.tags().list()
        _ = try op.scopedToken(workspaceName: Sandbox.unique("swift-logger"))

        let records = logger.records
        XCTAssertFalse(records.isEmpty, "no record reached the Swift logger")
        XCTAssertTrue(records.allSatisfy { $0.target.hasPrefix("airbyte_embedded") }, "\(records.map(\.target))")
        XCTAssertTrue(records.contains { $0.message.contains("tags") }, "\(records.map(\.message))")
        for record in records {
            XCTAssertFalse(record.message.contains(Sandbox.clientSecret), "a secret was logged: \(record.message)")
        }

        // Up to the level asked for, and nothing once cleared.
        let quiet = CollectingLogger()
        setLogger(logger: quiet, maxLevel: .error)
        _ = try op.tags().list()
        XCTAssertTrue(quiet.records.allSatisfy { $0.level == .error }, "\(quiet.records)")
        clearLogger()
        let count = quiet.records.count
        _ = try op.tags().list()
        XCTAssertEqual(quiet.records.count, count)
    }
}

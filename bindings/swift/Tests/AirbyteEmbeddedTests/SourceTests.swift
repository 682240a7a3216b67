import Foundation
import XCTest
@testable import AirbyteEmbedded

final class SourceTests: XCTestCase {
    private var op: OperatorClient!
    private var templateId = ""

    override func setUpWithError() throws {
        op = try Sandbox.operatorClient()
        let postgres = try XCTUnwrap(try op.definitions().listSources(name: "postgres").first)
        templateId = try op.sourceTemplates().create(
            template: SourceTemplateCreate(
                actorDefinitionId: postgres.sourceDefinitionId,
                partialDefaultConfig: ["port": 5432],
                name: Sandbox.unique("Swift sources"))
        ).id
    }

    override func tearDown() {
        if let op, !templateId.isEmpty { _ = try? op.sourceTemplates().delete(id: templateId) }
    }

    private func config(host: String) -> JSONObject {
        ["host": .string(host), "database": "app", "username": "airbyte", "password": "correct-horse-battery-staple"]
    }

    private let quickWait = WaitOptions(timeout: 30, initialInterval: 0.05, maxInterval: 0.2)

    func testEndUserCreatesChecksUpdatesListsAndDeletesASource() throws {
        let endUser = try op.endUserClient(workspaceName: Sandbox.unique("swift-sources"))
        let workspaceId = try endUser.workspaceId()
        let sources = try endUser.sources()

        let source = try sources.create(
            source: SourceCreate(
                workspaceId: workspaceId, sourceTemplateId: templateId,
                sourceConfig: config(host: "db.acme.example"), name: "Acme DB"))
        XCTAssertEqual(source.name, "Acme DB")
        XCTAssertEqual(source.sourceConfig["host"], "db.acme.example")

        let job = try sources.check(id: source.id)
        let status = try sources.waitForCheck(checkId: job.id, options: quickWait)
        XCTAssertEqual(status.status, .succeeded, "\(status)")

        let renamed = try sources.update(id: source.id, update: SourceUpdate(name: "Acme DB (replica)"))
        XCTAssertEqual(renamed.name, "Acme DB (replica)")
        XCTAssertEqual(try sources.list(workspaceId: workspaceId).map(\.id), [source.id])

        XCTAssertEqual(try sources.delete(id: source.id).id, source.id)
        XCTAssertEqual(try sources.list(workspaceId: workspaceId).count, 0)
    }

    func testACheckOfAnUnreachableHostFailsWithTheReason() throws {
        let endUser = try op.endUserClient(workspaceName: Sandbox.unique("swift-check"))
        let job = try endUser.sources().checkConfig(
            source: SourceCreate(
                workspaceId: try endUser.workspaceId(), sourceTemplateId: templateId,
                sourceConfig: config(host: "db.acme.invalid")))
        let status = try endUser.sources().waitForCheck(checkId: job.id, options: quickWait)
        XCTAssertEqual(status.status, .failed)
        XCTAssertTrue((status.errorMessage ?? "").contains("db.acme.invalid"), "\(status)")
    }

    func testAConfigMissingARequiredFieldIsRefusedBeforeSending() throws {
        let endUser = try op.endUserClient(workspaceName: Sandbox.unique("swift-invalid"))
        let error = expectAirbyteError(
            try endUser.sources().create(
                source: SourceCreate(
                    workspaceId: try endUser.workspaceId(), sourceTemplateId: templateId,
                    sourceConfig: ["database": "app", "username": "airbyte"])))
        guard case .invalidConfig(let detail, let errors)? = error else {
            return XCTFail("expected InvalidConfig, got \(String(describing: error))")
        }
        XCTAssertFalse(detail.isEmpty)
        XCTAssertTrue(errors.contains { $0.keyword == "required" && $0.path == "/host" }, "\(errors)")
    }

    func testAConfigJsonCannotSpellIsAnInvalidArgument() throws {
        let endUser = try op.endUserClient(workspaceName: Sandbox.unique("swift-not-json"))
        let nan: JSONObject = ["password": "hunter2", "ratio": .double(.nan)]
        for (config, expected) in [(nan, "is not a JSON value: NaN and infinite numbers")] {
            for options in [WriteOptions(), WriteOptions(validate: false)] {
                let error = expectAirbyteError(
                    try endUser.sources().create(
                        source: SourceCreate(
                            workspaceId: try endUser.workspaceId(), sourceTemplateId: templateId,
                            sourceConfig: config),
                        options: options))
                guard case .invalidArgument(let argument, let detail)? = error else {
                    return XCTFail("expected InvalidArgument, got \(String(describing: error))")
                }
                XCTAssertEqual(argument, "source_config")
                XCTAssertTrue(detail.hasPrefix(expected), detail)
            }
        }
        let error = expectAirbyteError(
            try op.sourceTemplates().create(
                template: SourceTemplateCreate(actorDefinitionId: "def", partialDefaultConfig: ["x": .double(.infinity)])))
        guard case .invalidArgument(let argument, let detail)? = error else {
            return XCTFail("expected InvalidArgument, got \(String(describing: error))")
        }
        XCTAssertEqual(argument, "partial_default_config")
        XCTAssertTrue(detail.hasPrefix("is not a JSON value: "), detail)
    }
}

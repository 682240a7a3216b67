import Foundation
import XCTest
@testable import AirbyteEmbedded

/// The 2026 connectors (sources under their new name, inline checks, executes) and the
/// organisation's OAuth apps.
final class ConnectorTests: XCTestCase {
    private let stripeId = "e094cb9a-26de-4645-8761-65c0c425d1de"
    private let s3Id = "4816b78f-1489-44c1-9060-4b19d5fa9362"

    private func stripe(_ secret: String) -> JSONObject {
        ["account_id": "acct_swift", "client_secret": .string(secret), "start_date": "2025-01-01T00:00:00Z"]
    }

    func testAConnectorsLife() throws {
        let op = try Sandbox.operatorClient()
        let template = try op.sourceTemplates().create(
            template: SourceTemplateCreate(actorDefinitionId: stripeId, partialDefaultConfig: ["lookback_window_days": 2]))
        defer { _ = try? op.sourceTemplates().delete(id: template.id) }
        let workspace = Sandbox.unique("swift-connectors")
        let connectors = try op.connectors()
        let request = ConnectorCreate(
            workspaceName: workspace, name: "swift connector", sourceTemplateId: template.id,
            replicationConfig: stripe("swift-secret-1"))
        XCTAssertEqual(try connectors.checkConfig(connector: request).status, .succeeded)
        XCTAssertFalse(String(describing: request).contains("swift-secret-1"))
        let connector = try connectors.create(connector: request)
        let config = connector.replicationConfig
        XCTAssertEqual(config["client_secret"], .string(secretMask()))
        XCTAssertEqual(config["lookback_window_days"], 2)
        XCTAssertEqual(connector.sourceTemplate?.id, template.id)
        XCTAssertEqual(try connectors.list(filter: ConnectorFilter(workspaceName: workspace)).map(\.id), [connector.id])
        XCTAssertTrue(try connectors.list().contains { $0.id == connector.id })

        let updated = try connectors.update(
            id: connector.id, update: ConnectorUpdate(name: "renamed", replicationConfig: ["lookback_window_days": 5]))
        XCTAssertEqual(updated.name, "renamed")
        XCTAssertEqual(try connectors.check(id: connector.id).status, .succeeded)
        let failed = try connectors.check(
            id: connector.id, update: ConnectorUpdate(replicationConfig: ["client_secret": "wrong-secret"]))
        XCTAssertEqual(failed.status, .failed)
        XCTAssertEqual(failed.failureReason?.failureType, "config_error")

        let made = try connectors.execute(
            id: connector.id,
            request: ConnectorExecute(entity: "customers", action: .create, params: ["data": ["name": "Swift"]]))
        XCTAssertEqual(made.status, .success)
        XCTAssertEqual(made.result["name"], "Swift")
        XCTAssertEqual(made.executionMetadata?.connectorInstanceId, connector.id)
        let hits = try connectors.execute(
            id: connector.id,
            request: ConnectorExecute(entity: "customers", action: .search, params: ["query": "swift"]))
        XCTAssertTrue(hits.result.arrayValue?.contains { $0["name"] == "Swift" } ?? false, "\(hits.result)")
        guard case .validation? = expectAirbyteError(
            try connectors.execute(id: connector.id, request: ConnectorExecute(entity: "customers", action: .unknown("explode"))))
        else {
            return XCTFail("expected Validation")
        }

        XCTAssertEqual(try connectors.delete(id: connector.id).id, connector.id)
        guard case .notFound? = expectAirbyteError(try connectors.get(id: connector.id)) else {
            return XCTFail("expected NotFound")
        }
    }

    func testWhatCannotBeSentIsRefused() throws {
        let op = try Sandbox.operatorClient()
        guard case .invalidArgument(let argument, _)? = expectAirbyteError(
            try op.connectors().create(connector: ConnectorCreate(workspaceName: "acme", connectorType: "stripe")))
        else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(argument, "replication_config")
    }

    func testTheOrganisationsOAuthApp() throws {
        let apps = try Sandbox.operatorClient().oauthCredentials()
        let first = try apps.set(
            request: OAuthCredentialsRequest(
                connectorType: "hubspot", configuration: ["client_id": "swift-app", "client_secret": "swift-secret"]))
        XCTAssertEqual(first.actorType, .source)
        XCTAssertEqual(first.scopeType, .organization)
        let s3 = try apps.set(request: OAuthCredentialsRequest(connectorDefinitionId: s3Id, configuration: [:]))
        XCTAssertEqual(s3.actorType, .destination)
        try apps.delete(connectorType: "hubspot")
        try apps.delete(connectorType: "hubspot")
        let again = try apps.set(request: OAuthCredentialsRequest(connectorType: "hubspot", configuration: [:]))
        XCTAssertNotEqual(again.id, first.id)
    }
}

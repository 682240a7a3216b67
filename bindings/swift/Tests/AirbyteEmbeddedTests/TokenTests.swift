import Foundation
import XCTest
@testable import AirbyteEmbedded

final class TokenTests: XCTestCase {
    func testScopedTokenCreatesTheWorkspaceAndCarriesItsId() throws {
        let op = try Sandbox.operatorClient()
        let name = Sandbox.unique("swift-token")
        let token = try op.scopedToken(workspaceName: name)
        XCTAssertFalse(token.expose().isEmpty)
        let workspaceId = try XCTUnwrap(token.workspaceId())
        XCTAssertGreaterThan(token.expiresAtUnix() ?? 0, Int64(Date().timeIntervalSince1970))

        let workspace = try op.workspaces().get(id: workspaceId)
        XCTAssertEqual(workspace.name, name)

        let again = try op.mintScopedToken(request: ScopedTokenRequest(workspaceName: name))
        XCTAssertEqual(again.workspaceId(), workspaceId, "the same name is the same workspace")
    }

    func testEndUserClientSeesItsOwnWorkspace() throws {
        let op = try Sandbox.operatorClient()
        let name = Sandbox.unique("swift-end-user")
        let endUser = try op.endUserClient(workspaceName: name)
        let info = try endUser.tokenInfo()
        XCTAssertEqual(try endUser.workspaceId(), info.workspaceId)
        XCTAssertEqual(info.organizationId, Sandbox.organizationId)

        // A scoped token given by the caller works the same way.
        let token = try op.scopedToken(workspaceName: name)
        let direct = try EndUserClient(token: token.expose(), config: try Sandbox.config())
        XCTAssertEqual(try direct.workspaceId(), info.workspaceId)
    }

    func testWidgetTokenDecodesToUrlAndScopedToken() throws {
        let op = try Sandbox.operatorClient()
        let widget = try op.mintWidgetToken(
            request: WidgetTokenRequest(
                workspaceName: Sandbox.unique("swift-widget"), allowedOrigin: "https://app.acme.example"))
        XCTAssertTrue(widget.widgetUrl().hasPrefix("http"), widget.widgetUrl())
        XCTAssertNotNil(widget.scopedToken().workspaceId())

        let decoded = try WidgetToken.decode(raw: widget.exposeRaw())
        XCTAssertEqual(decoded.widgetUrl(), widget.widgetUrl())
    }

    func testWidgetTokenRefusesABadOriginBeforeSending() throws {
        let op = try Sandbox.operatorClient()
        let error = expectAirbyteError(
            try op.mintWidgetToken(
                request: WidgetTokenRequest(workspaceName: "swift-widget", allowedOrigin: "not a url")))
        guard case .invalidArgument(let argument, _)? = error else {
            return XCTFail("expected InvalidArgument, got \(String(describing: error))")
        }
        XCTAssertEqual(argument, "allowed_origin")
    }

    func testNotAWidgetTokenIsRefused() {
        let error = expectAirbyteError(try WidgetToken.decode(raw: "definitely not base64 json"))
        guard case .invalidWidgetToken? = error else {
            return XCTFail("expected InvalidWidgetToken, got \(String(describing: error))")
        }
    }
}

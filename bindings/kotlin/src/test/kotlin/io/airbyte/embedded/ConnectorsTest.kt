package io.airbyte.embedded

import kotlinx.serialization.json.put
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The 2026 connectors (sources under their new name, inline checks, executes) and the organisation's OAuth apps. */
class ConnectorsTest {
    private fun stripe(secret: String) = buildJsonObject {
        put("account_id", "acct_kt")
        put("client_secret", secret)
        put("start_date", "2025-01-01T00:00:00Z")
    }

    @Test
    fun `a connector's life`() {
        Sandbox().use { sandbox ->
            sandbox.operator().use { operator ->
                val template = operator.sourceTemplates().create(
                    SourceTemplateCreate(actorDefinitionId = Sandbox.STRIPE, partialDefaultConfig = obj("""{"lookback_window_days": 2}""")),
                )
                val workspace = Sandbox.unique("acme")
                val connectors = operator.connectors()
                val request = ConnectorCreate(
                    workspaceName = workspace,
                    connectorType = "stripe",
                    name = "kt connector",
                    replicationConfig = stripe("kt-secret-1"),
                )
                assertEquals(CheckState.Succeeded, connectors.checkConfig(request).status)
                assertFalse(request.toString().contains("kt-secret-1"), request.toString())
                val connector = connectors.create(request)
                assertEquals(JsonPrimitive(secretMask()), connector.replicationConfig["client_secret"])
                assertEquals(template.id, connector.sourceTemplate!!.id)
                assertEquals(listOf(connector.id), connectors.list(ConnectorFilter(workspaceName = workspace)).map { it.id })
                assertTrue(connectors.list().any { it.id == connector.id })

                val updated = connectors.update(connector.id, ConnectorUpdate(name = "renamed", replicationConfig = obj("""{"lookback_window_days": 5}""")))
                assertEquals("renamed", updated.name)
                assertEquals(CheckState.Succeeded, connectors.check(connector.id).status)
                val failed = connectors.check(connector.id, ConnectorUpdate(replicationConfig = obj("""{"client_secret": "wrong-secret"}""")))
                assertEquals(CheckState.Failed, failed.status)
                assertEquals("config_error", failed.failureReason!!.failureType)

                val made = connectors.execute(
                    connector.id,
                    ConnectorExecute(entity = "customers", action = ConnectorAction.Create, params = obj("""{"data": {"name": "Kotlin"}}""")),
                )
                assertEquals(ExecutionStatus.Success, made.status)
                assertEquals(JsonPrimitive("Kotlin"), made.result.jsonObject["name"])
                assertEquals(connector.id, made.executionMetadata!!.connectorInstanceId)
                val hits = connectors.execute(
                    connector.id,
                    ConnectorExecute(entity = "customers", action = ConnectorAction.Search, params = obj("""{"query": "kotlin"}""")),
                )
                assertTrue(hits.result.jsonArray.any { it.jsonObject["name"] == JsonPrimitive("Kotlin") }, hits.result.toString())
                assertThrows<AirbyteException.Validation> {
                    connectors.execute(connector.id, ConnectorExecute(entity = "customers", action = ConnectorAction.Unknown("explode")))
                }

                assertEquals(connector.id, connectors.delete(connector.id).id)
                assertThrows<AirbyteException.NotFound> { connectors.get(connector.id) }
            }
        }
    }

    @Test
    fun `what cannot be sent is refused`() {
        val operator = Sandbox.shared.operator()
        val e = assertThrows<AirbyteException.InvalidArgument> {
            operator.connectors().create(ConnectorCreate(workspaceName = "acme", connectorType = "stripe"))
        }
        assertEquals("replication_config", e.argument)
        val both = assertThrows<AirbyteException.InvalidArgument> {
            operator.oauthCredentials().set(OAuthCredentialsRequest(connectorType = "hubspot", connectorDefinitionId = Sandbox.STRIPE, configuration = empty))
        }
        assertEquals("connector_type", both.argument)
    }

    @Test
    fun `the organisation's OAuth app`() {
        val apps = Sandbox.shared.operator().oauthCredentials()
        val first = apps.set(OAuthCredentialsRequest(connectorType = "hubspot", configuration = obj("""{"client_id": "kt-app", "client_secret": "kt-secret"}""")))
        assertEquals(ActorType.Source, first.actorType)
        assertEquals(OAuthScope.Organization, first.scopeType)
        assertEquals(ActorType.Destination, apps.set(OAuthCredentialsRequest(connectorDefinitionId = Sandbox.S3, configuration = empty)).actorType)
        apps.delete("hubspot")
        apps.delete("hubspot")
        assertNotEquals(first.id, apps.set(OAuthCredentialsRequest(connectorType = "hubspot", configuration = empty)).id)
    }
}

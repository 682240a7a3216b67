package io.airbyte.embedded

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.UUID
import java.util.concurrent.TimeUnit

/**
 * One `airbyte-embedded-sandbox --port 0` process (binary from the `airbyte.sandbox.bin`
 * system property) and its `/_sandbox/` admin routes.
 */
class Sandbox(vararg args: String) : AutoCloseable {
    private val process: Process
    val baseUrl: String
    private val root: String
    val clientId: String
    val clientSecret: String
    val organizationId: String
    private val http = HttpClient.newHttpClient()

    init {
        val bin = System.getProperty("airbyte.sandbox.bin") ?: "../../target/debug/airbyte-embedded-sandbox"
        process = ProcessBuilder(listOf(bin, "--port", "0") + args)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start()
        val out = process.inputStream.bufferedReader()
        val first = out.readLine() ?: error("the sandbox printed nothing")
        check(first.startsWith("listening on ")) { "sandbox said $first" }
        baseUrl = first.substringAfterLast(' ')
        root = baseUrl.substringBeforeLast("/api/v1")
        val creds = (1..8).associate { out.readLine().split(": ", limit = 2).let { (k, v) -> k to v } }
        clientId = creds.getValue("client_id")
        clientSecret = creds.getValue("client_secret")
        organizationId = creds.getValue("organization_id")
    }

    fun config(
        retry: RetryPolicy? = null,
        requestTimeout: Duration? = null,
        readTimeout: Duration? = null,
    ) = ClientConfig(baseUrl = baseUrl, retry = retry, requestTimeout = requestTimeout, readTimeout = readTimeout)

    fun operator(retry: RetryPolicy? = null) = OperatorClient(clientId, clientSecret, config(retry))

    fun admin(method: String, path: String, body: String? = null): String {
        val publisher = if (body == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(body)
        val request = HttpRequest.newBuilder(URI.create("$root/_sandbox/$path"))
            .method(method, publisher)
            .header("content-type", "application/json")
            .build()
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body()
    }

    /** Injects one canned response for requests under [pathPrefix]. */
    fun respond(status: Int, body: String, pathPrefix: String, contentType: String = "application/json", headers: String = "[]") {
        admin(
            "POST",
            "faults",
            """{"path_prefix": ${q(pathPrefix)}, "action": {"kind": "respond", "status": $status, "body": ${q(body)},
               "content_type": ${q(contentType)}, "headers": $headers}}""",
        )
    }

    fun fault(action: String, pathPrefix: String, count: Int = 1) {
        admin("POST", "faults", """{"path_prefix": ${q(pathPrefix)}, "count": $count, "action": $action}""")
    }

    fun tokenRequests(): Int = Regex("\"token_requests\":\\s*(\\d+)").find(admin("GET", "stats"))!!.groupValues[1].toInt()

    fun requests(): String = admin("GET", "requests")

    override fun close() {
        process.destroy()
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor()
    }

    companion object {
        const val POSTGRES = "decd338e-5647-4c0b-adf4-da0e75f5a750"
        const val STRIPE = "e094cb9a-26de-4645-8761-65c0c425d1de"
        const val S3 = "4816b78f-1489-44c1-9060-4b19d5fa9362"

        /** One sandbox for the whole test run (tests use unique names). */
        val shared: Sandbox by lazy {
            Sandbox("--check-duration-ms", "200").also { s -> Runtime.getRuntime().addShutdownHook(Thread { s.close() }) }
        }

        fun unique(prefix: String) = "$prefix-${UUID.randomUUID().toString().take(10)}"

        fun q(s: String) = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""

        fun spec(name: String): String =
            Files.readString(Path.of(System.getProperty("airbyte.specs.dir") ?: "../../tests/fixtures/specs", "$name.json"))

        val NO_RETRY = defaults().retryPolicy.copy(maxRetries = 0)
    }
}

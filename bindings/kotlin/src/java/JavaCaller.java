// The Kotlin package as a Java program sees it: plain getters on every record and exception
// (no unsigned types, whose JVM names Kotlin mangles), top-level functions as static methods,
// constructors that leave out default arguments (`@JvmOverloads`), records from `defaults()`
// changed with their setters. scripts/test-kotlin compiles this against
// the jar (a mangled or missing getter fails the compile) and runs it against the sandbox
// (system property `airbyte.sandbox.bin`); it prints `Done.` when every check held.

import io.airbyte.embedded.AirbyteErrors;
import io.airbyte.embedded.AirbyteException;
import io.airbyte.embedded.Airbyte_embeddedKt;
import io.airbyte.embedded.BulkOptions;
import io.airbyte.embedded.ClientConfig;
import io.airbyte.embedded.Defaults;
import io.airbyte.embedded.OperatorClient;
import io.airbyte.embedded.RateLimit;
import io.airbyte.embedded.RetryPolicy;
import io.airbyte.embedded.ScopedToken;
import io.airbyte.embedded.ScopedTokenRequest;
import io.airbyte.embedded.WorkspaceFilter;
import io.airbyte.embedded.WorkspacePage;
import io.airbyte.embedded.WorkspaceStats;
import io.airbyte.embedded.WorkspaceUpdate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

public final class JavaCaller {
    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    public static void main(String[] args) throws Exception {
        Defaults defaults = Airbyte_embeddedKt.defaults();
        int maxRetries = defaults.getRetryPolicy().getMaxRetries();
        long belowRemaining = defaults.getPacing().getBelowRemaining();
        BulkOptions bulk = defaults.getBulkOptions();
        check(maxRetries == 3, "default max_retries: " + maxRetries);
        check(belowRemaining == 50L, "default below_remaining: " + belowRemaining);
        check(bulk.getConcurrency() == 4 && bulk.getRateLimitedAttempts() == 5, "bulk defaults: " + bulk);

        String bin = System.getProperty("airbyte.sandbox.bin", "target/debug/airbyte-embedded-sandbox");
        Process sandbox = new ProcessBuilder(bin, "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            check(first != null && first.startsWith("listening on "), "sandbox said " + first);
            String baseUrl = first.substring(first.lastIndexOf(' ') + 1);
            Map<String, String> creds = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                String[] kv = out.readLine().split(": ", 2);
                creds.put(kv[0], kv[1]);
            }

            RetryPolicy noRetry = defaults.getRetryPolicy();
            noRetry.setMaxRetries(0);
            ClientConfig config = new ClientConfig();
            check(config.equals(defaults.getClientConfig()), "ClientConfig() is the default: " + config);
            config.setBaseUrl(baseUrl);
            config.setRetry(noRetry);
            try (OperatorClient operator =
                    new OperatorClient(creds.get("client_id"), creds.get("client_secret"), config)) {
                WorkspaceStats stats = operator.workspaces().stats();
                long total = stats.getTotalCount();
                check(total == stats.getActiveCount() + stats.getInactiveCount(), "stats: " + stats);

                WorkspaceFilter five = new WorkspaceFilter();
                five.setLimit(5);
                WorkspacePage page = operator.workspaces().listPage(five, null);
                check(page.getData().size() <= 5, "a page of at most 5: " + page.getData().size());

                try {
                    operator.workspaces().listPage(new WorkspaceFilter(null, null, -1), null);
                    check(false, "a negative limit was sent");
                } catch (AirbyteException.InvalidArgument e) {
                    check(e.getArgument().equals("limit"), "argument: " + e.getArgument());
                    check(AirbyteErrors.httpStatus(e) == null, "a refused argument has no status");
                }

                // Records with defaults after a required field, and with only defaults.
                ScopedToken token = operator.mintScopedToken(new ScopedTokenRequest("java-caller"));
                Long expires = token.expiresAtUnix();
                check(expires != null && expires > System.currentTimeMillis() / 1000, "expiry: " + expires);
                WorkspaceUpdate noChange = new WorkspaceUpdate();
                check(noChange.getName() == null && noChange.getStatus() == null, "update: " + noChange);

                String root = baseUrl.substring(0, baseUrl.lastIndexOf("/api/v1"));
                String fault = "{\"path_prefix\": \"/workspaces\", \"action\": {\"kind\": \"respond\", "
                        + "\"status\": 429, \"body\": \"{\\\"message\\\": \\\"Too many requests\\\"}\", "
                        + "\"content_type\": \"application/json\", \"headers\": [[\"retry-after\", \"7\"], "
                        + "[\"x-ratelimit-limit\", \"1000\"], [\"x-ratelimit-remaining\", \"0\"]]}}";
                HttpResponse<String> injected = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(root + "/_sandbox/faults"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(fault))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                check(injected.statusCode() / 100 == 2, "fault injection: " + injected.body());
                try {
                    operator.workspaces().stats();
                    check(false, "the injected 429 did not arrive");
                } catch (AirbyteException.RateLimited e) {
                    int status = e.getStatus();
                    RateLimit rateLimit = e.getRateLimit();
                    check(status == 429, "status: " + status);
                    check(Integer.valueOf(429).equals(AirbyteErrors.httpStatus(e)), "httpStatus");
                    check(Long.valueOf(0L).equals(rateLimit.getRemaining()), "remaining: " + rateLimit);
                    check(Long.valueOf(1000L).equals(rateLimit.getLimit()), "limit: " + rateLimit);
                    check(rateLimit.getRetryAfter().getSeconds() >= 7, "retry after: " + rateLimit);
                    check(e.getMessage().contains("HTTP 429"), "message: " + e.getMessage());
                }
            }
        } finally {
            sandbox.destroy();
            sandbox.waitFor();
        }
        System.out.println("Done.");
    }
}

package fr.subventions.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The application's /api over real HTTP, as a demo user (HTTP Basic, the password being the login), for the tests
 * that run the packaged application as a process of its own.
 */
public final class HttpApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> get(String node, String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String node, String path, String user, String body) throws Exception {
        return http.send(post(node, path, user, body, null), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a JSON body (or none), and an Idempotency-Key when one is given. */
    public static HttpRequest post(String node, String path, String user, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    /** Posts again while the previous stage's document is being produced (409), for at most a minute. */
    public void untilAccepted(String node, String path, String user, String body) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            HttpResponse<String> response = post(node, path, user, body);
            if (response.statusCode() == 200) {
                return;
            }
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(409);
            assertThat(System.currentTimeMillis()).as("still refused: " + path + " " + response.body()).isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}

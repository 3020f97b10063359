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
 * that run the application on a port of its own, in their JVM or as a process of its own.
 */
public final class HttpApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A request to that address as that user; its method, body, other headers and timeout are the caller's. */
    public static HttpRequest.Builder request(String user, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user));
    }

    public HttpResponse<String> get(String node, String path, String user) throws Exception {
        return http.send(request(user, node + path).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String node, String path, String user, String body) throws Exception {
        return http.send(post(node, path, user, body, null), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a JSON body (or none), and an Idempotency-Key when one is given. */
    public static HttpRequest post(String node, String path, String user, String body, String idempotencyKey) {
        HttpRequest.Builder request = request(user, node + path).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    /** Posts, expecting the call accepted at once (the previous stage's documents are produced beside the case). */
    public void accepted(String node, String path, String user, String body) throws Exception {
        HttpResponse<String> response = post(node, path, user, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }

    /** The Authorization header's value for HTTP Basic as a demo user. */
    public static String basic(String user) {
        return basic(user, user);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

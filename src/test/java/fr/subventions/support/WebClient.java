package fr.subventions.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser on the application served over HTTP: its cookies, the webapps' CSRF token (the XSRF-TOKEN cookie) echoed
 * in a header, a page form's CSRF token read from the page; or HTTP Basic, as a script calls the API.
 */
public final class WebClient {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final String accept;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String authorization;

    /** A browser on that address (http://localhost:port), asking for these media types. */
    public WebClient(String base, String accept) {
        this.base = base;
        this.accept = accept;
    }

    /** Every call from now on with HTTP Basic, as a script calls the API. */
    public WebClient basic(String user, String password) {
        authorization = HttpApi.basic(user, password);
        return this;
    }

    /** Logs in to a Camunda webapp (tasklist, cockpit, admin) as its login page does; answers the login's answer. */
    public HttpResponse<String> loginToWebapp(String user, String password, String app) throws Exception {
        send("GET", "/camunda/app/" + app + "/default/", null, null);
        return send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                form(Map.of("username", user, "password", password)), "application/x-www-form-urlencoded");
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        // The webapps' CSRF protection: the token cookie echoed in a header
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form in that page. */
    public static String csrf(String page) {
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).as("the form's CSRF token").isTrue();
        return token.group(1);
    }

    /** These fields as a form posts them. */
    public static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}

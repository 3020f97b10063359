package fr.subventions.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The operations' URLs, apart from the API's and the pages' chains of {@link SecurityConfiguration}:
 *
 * <ul>
 *   <li>the actuator endpoints ({@code /actuator/**}): health (its probes included) and info open to anyone — health
 *       shows its components' details only to an authenticated member of {@code camunda-admin},
 *       {@code management.endpoint.health.roles} —, every other exposed endpoint (Prometheus) in HTTP Basic for the
 *       groups {@value #ADMINISTRATORS} or {@value #MONITORING} (a scraper's own account, which need not be an
 *       administrator);</li>
 *   <li>the OpenAPI document and Swagger UI, open to anyone: they describe the API, not its data.</li>
 * </ul>
 *
 * Stateless HTTP Basic with the same users as the API, answered in problem+json; no session, so no CSRF token. Its
 * order comes before the pages' chain, which has no matcher and takes every request left.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    static final String ADMINISTRATORS = "camunda-admin";
    static final String MONITORING = "supervision";

    /** springdoc's paths: the document, with its Swagger UI configuration, and the UI itself. */
    static final RequestMatcher API_DOCUMENTATION = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, ObjectMapper json, AuthenticationManager authentication)
            throws Exception {
        // The whole /actuator namespace, exposed endpoints or not, and the endpoints wherever management.* puts them
        return http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"), API_DOCUMENTATION))
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(API_DOCUMENTATION).permitAll()
                        .anyRequest().hasAnyAuthority(ADMINISTRATORS, MONITORING))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"subventions\", charset=\"UTF-8\"");
                    SecurityConfiguration.write(response, json, HttpStatus.UNAUTHORIZED, "Authentification requise",
                            "Identifiez-vous (HTTP Basic) avec un compte valide.");
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        SecurityConfiguration.write(response, json, HttpStatus.FORBIDDEN, "Accès refusé",
                                "Votre rôle ne permet pas cette action.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}

package fr.subventions.system;

import fr.subventions.shared.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database is down, even the login (users live in the engine's tables) fails before any controller runs:
 * the API then answers 503 with a French problem+json and a Retry-After, never a bare 500, and the call can be made
 * again once the database is back. Registered ahead of Spring Security.
 */
@Configuration
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableRegistration() {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(this);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseFailures.isUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("The database cannot be reached: {}", e.toString());
            unavailable(request, response);
        }
    }

    /** The French 503 problem+json, with a Retry-After: nothing was saved, the call can be made again. */
    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service indisponible\",\"status\":503,"
                + "\"detail\":\"Le service est momentanément indisponible : la base de données ne répond pas. Rien n'a "
                + "été enregistré ; réessayez dans un instant.\",\"instance\":\"" + request.getRequestURI()
                .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}

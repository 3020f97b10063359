package fr.subventions.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's reference and the séance's id of the URL in the MDC for the whole HTTP request, security
 * included: {@code /api/requests/{reference}/**}, {@code /portail/demandes/{reference}/**},
 * {@code /api/sessions/{id}/**} and {@code /seances/{id}/**} (with {@code items/{reference}} or
 * {@code points/{reference}}, both). Every request leaves the MDC without them, whatever set them meanwhile.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLoggingFilter extends OncePerRequestFilter {

    /** What a reference or an id may be; anything else (a forged URL) is not written to the logs. */
    private static final String KEY = "([A-Za-z0-9][A-Za-z0-9._-]{0,39})";

    private static final Pattern REQUEST = Pattern.compile("^/(?:api/requests|portail/demandes)/" + KEY + "(?:/.*)?$");
    private static final Pattern SESSION = Pattern.compile(
            "^/(?:api/sessions|seances)/([0-9]{1,18})(?:/(?:items|points)/" + KEY + ")?(?:/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            Matcher about = REQUEST.matcher(path);
            if (about.matches() && !about.group(1).equals("nouvelle")) {
                LoggingContext.put(LoggingContext.REFERENCE, about.group(1));
            }
            Matcher session = SESSION.matcher(path);
            if (session.matches()) {
                LoggingContext.put(LoggingContext.SESSION, session.group(1));
                LoggingContext.put(LoggingContext.REFERENCE, session.group(2));
            }
            chain.doFilter(request, response);
        } finally {
            LoggingContext.clear();
        }
    }
}

package fr.subventions.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.shared.Caller;
import fr.subventions.shared.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * /api answers HTTP Basic with the Camunda users; the webapps under /camunda keep their own login. The engine's REST
 * API is not deployed at all: /api is the only integration surface.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** Portal accounts first, then the engine's users (staff, and the demo profile's applicant). */
    @Bean
    AuthenticationManager authenticationManager(ApplicantAccountAuthenticationProvider applicants,
            CamundaIdentityAuthenticationProvider staff) {
        return new ProviderManager(applicants, staff);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager authentication) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                // Open data is published for everyone
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/opendata/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // the users live in the database: when it is down, valid credentials cannot be checked either
                    if (DatabaseFailures.isUnreachable(e)) {
                        DatabaseUnavailableFilter.unavailable(request, response);
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"subventions\", charset=\"UTF-8\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "Authentification requise",
                            "Identifiez-vous (HTTP Basic) avec un compte valide.");
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, "Accès refusé", "Votre rôle ne permet pas cette action.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication carries no cookie a forged page could ride on
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The pages: the applicant portal and the séance page, behind a login form, with CSRF tokens in every form. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/portail/**").hasAuthority("demandeurs")
                        .requestMatchers("/seances/**").hasAuthority("secretariat")
                        // The staff's back office: the worklist and the dossier pages
                        .requestMatchers("/gestion", "/gestion/**").hasAnyAuthority(Caller.OFFICERS, Caller.FINANCE,
                                Caller.SECRETARIAT, Caller.ADMINISTRATORS)
                        .requestMatchers("/accueil").authenticated()
                        // The Camunda webapps authenticate their users themselves
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/connexion").defaultSuccessUrl("/accueil", true).permitAll())
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnecte"))
                // The webapps protect their own API against CSRF, with their own token
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .build();
    }

    /**
     * An address the firewall refuses before any chain — an encoded slash or dot, a NUL, a backslash, a double slash —
     * answered like every other refusal: problem+json in French under /api, the French error page elsewhere.
     */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json, ITemplateEngine templates) {
        String detail = "Adresse refusée : elle contient des caractères interdits (barre oblique ou point encodés, "
                + "caractère nul, barre oblique inverse…).";
        return (request, response, e) -> {
            if (request.getRequestURI().startsWith("/api")) {
                write(response, json, HttpStatus.BAD_REQUEST, "Requête invalide", detail);
                return;
            }
            Context page = new Context(Locale.FRANCE);
            page.setVariable("title", "Requête invalide");
            page.setVariable("detail", detail);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(templates.process("erreur", page));
        };
    }

    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}

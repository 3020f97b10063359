package fr.subventions.system;

import fr.subventions.shared.Caller;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Applicants who created their account on the portal: BCrypt-checked, and only ever in the group demandeurs. */
@Component
class ApplicantAccountAuthenticationProvider implements AuthenticationProvider {

    private final ApplicantAccountRepository accounts;
    private final PasswordEncoder encoder;

    ApplicantAccountAuthenticationProvider(ApplicantAccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        return accounts.findById(authentication.getName())
                .filter(account -> encoder.matches(password, account.passwordHash()))
                .map(account -> UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                        List.of(new SimpleGrantedAuthority(Caller.APPLICANTS))))
                .orElse(null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

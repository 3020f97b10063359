package fr.subventions.system;

import fr.subventions.shared.Caller;
import fr.subventions.shared.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login, an applicant's account creation, and the landing page that sends each user to their screen. */
@Controller
class AccountController {

    private final IdentityService identity;
    private final ApplicantAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountController(IdentityService identity, ApplicantAccountRepository accounts,
            PasswordEncoder encoder, Clock clock) {
        this.identity = identity;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @GetMapping("/connexion")
    String login() {
        return "connexion";
    }

    /**
     * Applicants to their requests; staff — officers, finance, the secretariat, administrators — to the back office's
     * worklist; anyone else (an account in no group) to Tasklist, which tells them what they may do.
     */
    @GetMapping("/accueil")
    String home(Caller caller) {
        if (caller.isStaff() || caller.isAdministrator()) {
            return "redirect:/gestion";
        }
        return caller.groups().contains(Caller.APPLICANTS) ? "redirect:/portail" : "redirect:/camunda/app/tasklist/";
    }

    @GetMapping("/inscription")
    String registration(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of());
        return "inscription";
    }

    @PostMapping("/inscription")
    String register(@RequestParam String username, @RequestParam String password, @RequestParam String confirmation,
            @RequestParam String firstName, @RequestParam String lastName, @RequestParam String email, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, username.matches("[a-z0-9._-]{3,50}"), "username",
                "de 3 à 50 caractères : lettres minuscules, chiffres, point, tiret ou tiret bas");
        check(errors, identity.createUserQuery().userId(username).count() == 0 && !accounts.existsById(username), "username",
                "cet identifiant est déjà pris");
        check(errors, password.length() >= 12 && password.length() <= 100, "password", "au moins 12 caractères");
        check(errors, password.equals(confirmation), "confirmation", "les deux mots de passe diffèrent");
        check(errors, !firstName.isBlank() && firstName.length() <= 100, "firstName", "prénom obligatoire, au plus 100 caractères");
        check(errors, Texts.isClean(firstName), "firstName", Texts.message(Math.max(0, Texts.forbidden(firstName))));
        check(errors, !lastName.isBlank() && lastName.length() <= 100, "lastName", "nom obligatoire, au plus 100 caractères");
        check(errors, Texts.isClean(lastName), "lastName", Texts.message(Math.max(0, Texts.forbidden(lastName))));
        check(errors, Texts.isEmail(email), "email", "adresse électronique invalide");
        if (!errors.isEmpty()) {
            // the form comes back with its messages, as a refusal
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            model.addAttribute("values", Map.of("username", username, "firstName", firstName, "lastName", lastName,
                    "email", email));
            return "inscription";
        }
        // A portal account, not an engine user: it never opens Tasklist, Cockpit or Admin
        accounts.save(new ApplicantAccount(username, encoder.encode(password), firstName.strip(), lastName.strip(),
                email.strip(), Instant.now(clock)));
        return "redirect:/connexion?inscrit";
    }

    private static void check(Map<String, String> errors, boolean valid, String field, String message) {
        if (!valid) {
            errors.putIfAbsent(field, message);
        }
    }
}

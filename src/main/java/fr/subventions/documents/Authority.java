package fr.subventions.documents;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code subventions.authority.*}: the authority whose documents these are, as its letters, acts and conventions
 * name it. Every document's model holds these values, under the placeholders {@link #placeholders} names.
 *
 * @param name           as it calls itself: the party to the convention, the letterhead (in capitals)
 * @param registerName   how the register of deliberations names it, in the extract's heading
 * @param address        the letterhead's postal address
 * @param seat           its seat, as the convention states the party
 * @param city           where letters are written and conventions signed
 * @param court          the administrative court a decision can be contested before
 * @param presidentRole  the executive's role, signing a letter when no séance names the person
 * @param presidentTitle the executive as the deliberation authorises them to sign
 */
@ConfigurationProperties(prefix = "subventions.authority")
public record Authority(String name, String siret, String registerName, String address, String seat, String city,
        String court, String presidentRole, String presidentTitle) {

    /** The placeholders every template may use. */
    Map<String, Object> placeholders() {
        return Map.of(
                "authorityName", name,
                "authorityLetterhead", name.toUpperCase(Locale.FRENCH),
                "authorityRegisterName", registerName,
                "authorityAddress", address,
                "authoritySeat", seat,
                "authorityCity", city,
                "authorityCourt", court,
                "presidentRole", presidentRole,
                "presidentTitle", presidentTitle);
    }
}

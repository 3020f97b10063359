package fr.subventions.acts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code subventions.authority.*}, the part @CTES reads: how the prefecture knows the authority as an emitter (the
 * envelope's {@code actes:IDCL}) and how it names its acts (the IDActe and every file name of a transmission). The
 * other fields of the prefix are the documents' ({@code fr.subventions.documents.Authority}).
 *
 * <p>Checked when the application starts: a SIREN that is not one, a département @CTES does not write, stop it with
 * the property at fault named, before anything is sent under a wrong identity.
 *
 * @param siren          the authority's SIREN: 9 digits, the last a Luhn check digit (SUBVENTIONS_AUTHORITY_SIREN)
 * @param departement    the département as @CTES writes it, on 3 characters: 021, 02A, 974
 * @param arrondissement the arrondissement of the département the authority reports to, 1 digit as @CTES numbers them
 * @param nature         the emitter's nature code in @CTES (IDCL), 2 digits, as the prefecture registered it
 */
@ConfigurationProperties(prefix = "subventions.authority")
public record AuthorityIdentifiers(String siren, String departement, String arrondissement, String nature) {

    public AuthorityIdentifiers {
        if (!isSiren(siren)) {
            throw new IllegalArgumentException("subventions.authority.siren (SUBVENTIONS_AUTHORITY_SIREN) : « " + siren
                    + " » n'est pas un numéro SIREN (9 chiffres dont le dernier est la clé de Luhn)");
        }
        if (departement == null || !departement.matches("[09][0-9][0-9AB]")) {
            throw new IllegalArgumentException("subventions.authority.departement (SUBVENTIONS_AUTHORITY_DEPARTEMENT) : « "
                    + departement + " » n'est pas un département tel que @CTES l'écrit (3 caractères : 021, 02A, 974…)");
        }
        if (arrondissement == null || !arrondissement.matches("[0-9]")) {
            throw new IllegalArgumentException("subventions.authority.arrondissement "
                    + "(SUBVENTIONS_AUTHORITY_ARRONDISSEMENT) : « " + arrondissement
                    + " » n'est pas un numéro d'arrondissement @CTES (1 chiffre)");
        }
        if (nature == null || !nature.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("subventions.authority.nature (SUBVENTIONS_AUTHORITY_NATURE) : « " + nature
                    + " » n'est pas un code nature d'émetteur @CTES (2 chiffres, 45 pour une communauté urbaine "
                    + "ou une métropole)");
        }
    }

    /** INSEE's rule for a SIREN: 9 digits, not all zeros, whose Luhn sum is a multiple of 10. */
    static boolean isSiren(String value) {
        if (value == null || !value.matches("[0-9]{9}") || value.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < value.length(); i++) {
            int digit = value.charAt(value.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}

package fr.subventions.backoffice;

import fr.subventions.shared.Violations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The references of a selection from the worklist, for a batch action ({@link BatchActions}) or a bundle of documents
 * ({@link DossierBundle}): one at least, {@value #MAX} at most, each a reference's form and each once. Messages name
 * {@code references}, or {@code references[i]} for the i-th reference given.
 */
final class Selection {

    /** A batch's or a bundle's largest selection. */
    static final int MAX = 500;
    static final String FIELD = "references";
    /** What a reference looks like (SUB-2025-0001), upper-cased: a longer or stranger text is none. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    private Selection() {
    }

    /** The references given, stripped and upper-cased, in their order; a message per refused one. */
    static List<String> references(List<String> given, Violations violations) {
        if (given == null || given.isEmpty()) {
            violations.add(FIELD, "sélectionnez au moins une demande");
            return List.of();
        }
        if (given.size() > MAX) {
            violations.add(FIELD, "au plus " + MAX + " demandes à la fois : " + given.size() + " sont sélectionnées");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = FIELD + "[" + i + "]";
            String text = given.get(i);
            if (text == null || text.isBlank()) {
                violations.add(field, "référence vide");
                continue;
            }
            String reference = text.strip().toUpperCase(Locale.ROOT);
            if (!REFERENCE.matcher(reference).matches()) {
                violations.add(field, "référence invalide : une référence de demande, par exemple SUB-2025-0001");
            } else if (!seen.add(reference)) {
                violations.add(field, "la demande " + reference + " figure deux fois dans la sélection");
            } else {
                references.add(reference);
            }
        }
        return references;
    }

    /** Where a message about the selection goes on a page: under the selection itself, whichever reference it names. */
    static String onPage(String field) {
        return field.startsWith(FIELD) ? "reference" : field;
    }
}

package fr.subventions.backoffice;

import static fr.subventions.backoffice.WorklistQuery.AMOUNT_MAX;
import static fr.subventions.backoffice.WorklistQuery.AMOUNT_MIN;
import static fr.subventions.backoffice.WorklistQuery.AWAITING_REPLY;
import static fr.subventions.backoffice.WorklistQuery.DEFAULT;
import static fr.subventions.backoffice.WorklistQuery.FISCAL_YEAR;
import static fr.subventions.backoffice.WorklistQuery.ME;
import static fr.subventions.backoffice.WorklistQuery.NAMES;
import static fr.subventions.backoffice.WorklistQuery.NOBODY;
import static fr.subventions.backoffice.WorklistQuery.ORDER;
import static fr.subventions.backoffice.WorklistQuery.OVERDUE;
import static fr.subventions.backoffice.WorklistQuery.PAGE;
import static fr.subventions.backoffice.WorklistQuery.SEARCH;
import static fr.subventions.backoffice.WorklistQuery.SERVICE;
import static fr.subventions.backoffice.WorklistQuery.SIZE;
import static fr.subventions.backoffice.WorklistQuery.SIZES;
import static fr.subventions.backoffice.WorklistQuery.SORT;
import static fr.subventions.backoffice.WorklistQuery.STAGE;
import static fr.subventions.backoffice.WorklistQuery.TAB;
import static fr.subventions.backoffice.WorklistQuery.TAKEN_BY;
import static fr.subventions.backoffice.WorklistQuery.THEME;

import fr.subventions.shared.Money;
import fr.subventions.shared.Texts;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubmitRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * A {@link WorklistQuery} read back from the address's parameters, as the filter form and the page's links send them:
 * each parameter checked, with a French message under its field when refused.
 */
final class WorklistQueryForm {

    static final int MAX_SEARCH = 100;

    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9._-]{1,100}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private WorklistQueryForm() {
    }

    /** What the form knows of the authority: the services of the budget lines, and who is a member of staff. */
    interface Choices {

        Collection<String> services();

        boolean isStaff(String userId);
    }

    /**
     * A query read from the address, with a French message per refused parameter (then the query is the default),
     * and the values as sent, for the form to show them again.
     */
    record Parsed(WorklistQuery query, Map<String, String> errors, Map<String, String> values) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Whether the address names the query: any of its parameters. Otherwise the user's kept query applies. */
    static boolean given(MultiValueMap<String, String> parameters) {
        return NAMES.stream().anyMatch(parameters::containsKey);
    }

    static Parsed parse(MultiValueMap<String, String> parameters, Choices choices) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = parameters.getFirst(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Predicate<String> blank = v -> v == null || v.isBlank();

        WorklistTab tab = DEFAULT.tab();
        String text = values.get(TAB);
        if (!blank.test(text)) {
            tab = WorklistTab.ofSlug(text).orElse(null);
            check(errors, tab != null, TAB, "onglet inconnu");
        }

        String search = values.get(SEARCH);
        if (blank.test(search)) {
            search = null;
        } else {
            search = search.strip();
            if (search.length() > MAX_SEARCH) {
                errors.put(SEARCH, "au plus " + MAX_SEARCH + " caractères");
            } else if (search.contains("\n") || search.contains("\r") || search.contains("\t")) {
                errors.put(SEARCH, "la recherche tient sur une ligne");
            } else if (!Texts.isClean(search)) {
                errors.put(SEARCH, Texts.message(Texts.forbidden(search)));
            } else if (search.contains("<") || search.contains(">")) {
                errors.put(SEARCH, "les chevrons < et > ne sont pas recherchés : une référence, un nom, un SIRET ou SIREN, "
                        + "un RNA ou des mots de l'objet");
            }
        }

        Integer fiscalYear = null;
        text = values.get(FISCAL_YEAR);
        if (!blank.test(text)) {
            text = text.strip();
            if (text.matches("\\d{4}") && Integer.parseInt(text) >= 2000 && Integer.parseInt(text) <= 2100) {
                fiscalYear = Integer.valueOf(text);
            } else {
                errors.put(FISCAL_YEAR, "exercice invalide : une année de 2000 à 2100");
            }
        }

        String theme = values.get(THEME);
        if (blank.test(theme)) {
            theme = null;
        } else {
            check(errors, SubmitRequest.THEMES.contains(theme), THEME, "thématique inconnue");
        }

        String service = values.get(SERVICE);
        if (blank.test(service)) {
            service = null;
        } else {
            check(errors, choices.services().contains(service), SERVICE, "service inconnu : aucune ligne budgétaire ne "
                    + "porte ce service");
        }

        RequestStatus stage = null;
        text = values.get(STAGE);
        if (!blank.test(text)) {
            stage = WorklistTab.ofSlug(text).map(WorklistTab::stage).orElse(null);
            check(errors, stage != null, STAGE, "étape inconnue");
        }

        String takenBy = values.get(TAKEN_BY);
        if (blank.test(takenBy)) {
            takenBy = null;
        } else if (!takenBy.equals(NOBODY) && !takenBy.equals(ME)) {
            check(errors, USER_ID.matcher(takenBy).matches() && choices.isStaff(takenBy), TAKEN_BY,
                    "agent inconnu : choisissez un agent de la liste");
        }

        BigDecimal amountMin = amount(values.get(AMOUNT_MIN), AMOUNT_MIN, errors);
        BigDecimal amountMax = amount(values.get(AMOUNT_MAX), AMOUNT_MAX, errors);
        if (amountMin != null && amountMax != null && amountMin.compareTo(amountMax) > 0) {
            errors.put(AMOUNT_MAX, "le montant maximum est inférieur au montant minimum");
        }

        boolean overdue = false;
        text = values.get(OVERDUE);
        if (!blank.test(text)) {
            overdue = text.equals("oui") || text.equals("on") || text.equals("true");
            check(errors, overdue || text.equals("non") || text.equals("false"), OVERDUE, "valeur invalide : oui ou non");
        }

        boolean awaitingReply = false;
        text = values.get(AWAITING_REPLY);
        if (!blank.test(text)) {
            awaitingReply = text.equals("oui") || text.equals("on") || text.equals("true");
            check(errors, awaitingReply || text.equals("non") || text.equals("false"), AWAITING_REPLY,
                    "valeur invalide : oui ou non");
        }

        WorklistSort sort = DEFAULT.sort();
        text = values.get(SORT);
        if (!blank.test(text)) {
            sort = WorklistSort.ofSlug(text).orElse(null);
            check(errors, sort != null, SORT, "tri inconnu");
        }
        boolean descending = sort == DEFAULT.sort() && blank.test(values.get(ORDER)) && DEFAULT.descending();
        text = values.get(ORDER);
        if (!blank.test(text)) {
            descending = text.equals("desc");
            check(errors, descending || text.equals("asc"), ORDER, "ordre inconnu : croissant (asc) ou décroissant (desc)");
        }

        int page = 1;
        text = values.get(PAGE);
        if (!blank.test(text)) {
            if (DIGITS.matcher(text.strip()).matches() && Integer.parseInt(text.strip()) >= 1) {
                page = Integer.parseInt(text.strip());
            } else {
                errors.put(PAGE, "page invalide : un nombre à partir de 1");
            }
        }

        int size = DEFAULT.size();
        text = values.get(SIZE);
        if (!blank.test(text)) {
            if (DIGITS.matcher(text.strip()).matches() && SIZES.contains(Integer.parseInt(text.strip()))) {
                size = Integer.parseInt(text.strip());
            } else {
                errors.put(SIZE, "nombre de lignes par page invalide : 20, 50 ou 100");
            }
        }

        if (!errors.isEmpty()) {
            return new Parsed(DEFAULT, errors, values);
        }
        return new Parsed(new WorklistQuery(tab, search, fiscalYear, theme, service, stage, takenBy, amountMin, amountMax,
                overdue, awaitingReply, sort, descending, page, size), errors, values);
    }

    private static BigDecimal amount(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            if (text.length() > 30) {
                throw new NumberFormatException();
            }
            amount = Money.parse(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "montant invalide : un nombre d'euros, par exemple 20 000 ou 1 500,50");
            return null;
        }
        if (amount.signum() < 0) {
            errors.put(field, "le montant ne peut être négatif");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.put(field, "le montant s'arrête au centime");
        } else if (amount.compareTo(Money.MAX) > 0) {
            errors.put(field, "montant trop grand : au plus " + Money.format(Money.MAX));
        } else {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        }
        return null;
    }

    private static void check(Map<String, String> errors, boolean valid, String field, String message) {
        if (!valid) {
            errors.putIfAbsent(field, message);
        }
    }
}

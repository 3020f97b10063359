package fr.subventions.submission;

import fr.subventions.shared.Money;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import java.math.BigDecimal;
import java.time.Year;
import java.util.List;

/** A request as the applicant files it (CERFA 12156): who, what, and how the action is financed. */
public record SubmitRequest(ApplicantData applicant, String title, String description, String theme, Integer fiscalYear,
        BigDecimal totalBudget, BigDecimal requestedAmount, List<CofinancingData> cofinancing) {

    /** The authority's four themes: the portal offers them, the agenda groups its items under them. */
    public static final List<String> THEMES = List.of("DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES",
            "TRANSITIONS, ECOLOGIE URBAINE ET MOBILITES", "CULTURE, SPORT ET VIE ASSOCIATIVE",
            "ENSEIGNEMENT SUPERIEUR, RECHERCHE ET INNOVATION");

    public record ApplicantData(String name, String siret, String rna, LegalForm legalForm, String address, String email,
            String representative) {
    }

    public record CofinancingData(String funder, BigDecimal amount) {
    }

    /**
     * Checks every field and the financing plan: the requested amount never exceeds the total budget, and the
     * requested amount plus co-financing (other funders and self-financing) balances the budget.
     */
    public void validate(Year currentYear) {
        Violations v = new Violations();
        if (applicant == null) {
            v.add("applicant", "l'identité du demandeur est obligatoire");
        } else {
            required(v, "applicant.name", applicant.name(), 200);
            if (applicant.siret() == null || applicant.siret().isBlank()) {
                v.add("applicant.siret", "le numéro SIRET est obligatoire");
            } else {
                v.check(Siret.isValid(applicant.siret()), "applicant.siret",
                        "numéro SIRET invalide : 14 chiffres dont la clé de contrôle (Luhn) doit être juste");
            }
            if (applicant.legalForm() == null) {
                v.add("applicant.legalForm", "le statut juridique est obligatoire (ASSOCIATION, FOUNDATION, COMPANY ou PUBLIC_BODY)");
            } else if (applicant.legalForm() == LegalForm.ASSOCIATION
                    && (applicant.rna() == null || applicant.rna().isBlank())) {
                v.add("applicant.rna", "le numéro RNA est obligatoire pour une association");
            }
            if (applicant.rna() != null && !applicant.rna().isBlank()) {
                v.check(Rna.isValid(applicant.rna()), "applicant.rna",
                        "numéro RNA invalide : la lettre W suivie de 9 caractères (exemple : W212000123)");
            }
            required(v, "applicant.address", applicant.address(), 500);
            if (required(v, "applicant.email", applicant.email(), 254)) {
                v.check(Texts.isEmail(applicant.email()), "applicant.email", "adresse électronique invalide");
            }
            required(v, "applicant.representative", applicant.representative(), 200);
        }
        required(v, "title", title, 300);
        required(v, "description", description, 10000);
        if (required(v, "theme", theme, 200)) {
            v.check(THEMES.contains(theme.strip()), "theme", "thème inconnu : l'un de « " + String.join(" », « ", THEMES) + " »");
        }
        if (fiscalYear == null) {
            v.add("fiscalYear", "l'exercice budgétaire est obligatoire");
        } else {
            v.check(fiscalYear >= 2000 && fiscalYear <= currentYear.getValue() + 5, "fiscalYear",
                    "exercice budgétaire invalide : entre 2000 et " + (currentYear.getValue() + 5));
        }
        boolean amountsValid = amount(v, "totalBudget", totalBudget, "le budget total de l'action")
                & amount(v, "requestedAmount", requestedAmount, "le montant demandé");
        BigDecimal cofinanced = BigDecimal.ZERO;
        List<CofinancingData> lines = cofinancing == null ? List.of() : cofinancing;
        for (int i = 0; i < lines.size(); i++) {
            CofinancingData line = lines.get(i);
            if (line == null) {
                v.add("cofinancing[" + i + "]", "ligne de cofinancement vide");
                amountsValid = false;
                continue;
            }
            required(v, "cofinancing[" + i + "].funder", line.funder(), 200);
            if (amount(v, "cofinancing[" + i + "].amount", line.amount(), "le montant du cofinancement")) {
                cofinanced = cofinanced.add(line.amount());
            } else {
                amountsValid = false;
            }
        }
        boolean exceeds = Money.isPositiveAmount(requestedAmount) && Money.isPositiveAmount(totalBudget)
                && requestedAmount.compareTo(totalBudget) > 0;
        if (exceeds) {
            v.add("requestedAmount", "le montant demandé (" + Money.format(requestedAmount)
                    + ") dépasse le budget total de l'action (" + Money.format(totalBudget) + ")");
        } else if (amountsValid) {
            if (requestedAmount.add(cofinanced).compareTo(totalBudget) != 0) {
                v.add("cofinancing", "le plan de financement n'est pas équilibré : montant demandé ("
                        + Money.format(requestedAmount) + ") + cofinancements (" + Money.format(cofinanced)
                        + ") doivent égaler le budget total (" + Money.format(totalBudget)
                        + ") ; indiquez l'autofinancement comme un cofinancement");
            }
        }
        v.throwIfAny();
    }

    private static boolean required(Violations v, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            v.add(field, "ce champ est obligatoire");
            return false;
        }
        if (value.length() > maxLength) {
            v.add(field, "au plus " + maxLength + " caractères");
            return false;
        }
        return Texts.check(v, field, value);
    }

    private static boolean amount(Violations v, String field, BigDecimal value, String what) {
        if (value == null) {
            v.add(field, what + " est obligatoire");
            return false;
        }
        if (!Money.isPositiveAmount(value)) {
            v.add(field, what + " doit être un montant positif en euros, avec au plus deux décimales");
            return false;
        }
        return true;
    }
}

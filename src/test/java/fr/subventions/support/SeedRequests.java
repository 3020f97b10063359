package fr.subventions.support;

import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubmitRequest;
import java.math.BigDecimal;
import java.util.List;

/** The seed request: Association OF du Numérique, 20 000 € of a 72 000 € budget (Bureau of 14 September 2023). */
public final class SeedRequests {

    public static final String THEME = "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES";
    public static final String SIRET = "73282932000074";

    private SeedRequests() {
    }

    public static SubmitRequest ofNumerique(int fiscalYear) {
        return ofNumerique(fiscalYear, new BigDecimal("20000"));
    }

    /** The same action asking for another amount; self-financing makes up the 72 000 € budget. */
    public static SubmitRequest ofNumerique(int fiscalYear, BigDecimal requested) {
        return new SubmitRequest(
                new SubmitRequest.ApplicantData("Association OF du Numérique", SIRET, "W212001234", LegalForm.ASSOCIATION,
                        "2 rue Maréchal Leclerc, 21000 Dijon", "contact@of-numerique.example", "Marie Dupont"),
                "État des lieux emplois et compétences de la filière numérique",
                "Un état des lieux des besoins en emplois et compétences numériques, centré sur le territoire de Dijon Métropole.",
                THEME, fiscalYear, new BigDecimal("72000"), requested,
                List.of(new SubmitRequest.CofinancingData("NUMEUM France", new BigDecimal("10000")),
                        new SubmitRequest.CofinancingData("Autofinancement",
                                new BigDecimal("62000").subtract(requested))));
    }
}

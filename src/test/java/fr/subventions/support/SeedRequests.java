package fr.subventions.support;

import fr.subventions.submission.LegalForm;
import fr.subventions.submission.Siret;
import fr.subventions.submission.SubmitRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** The seed request: Association OF du Numérique, 20 000 € of a 72 000 € budget (Bureau of 14 September 2023). */
public final class SeedRequests {

    public static final String THEME = "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES";
    public static final String SIRET = "73282932000074";

    private SeedRequests() {
    }

    /**
     * A request of another beneficiary for the given amount, all of it asked from the authority but for 10 000 € of
     * self-financing: for tests that must not add up with other tests' grants to the seed's association.
     */
    public static SubmitRequest of(Beneficiary beneficiary, int fiscalYear, BigDecimal requested) {
        return new SubmitRequest(
                new SubmitRequest.ApplicantData(beneficiary.name(), beneficiary.siret(), beneficiary.rna(),
                        beneficiary.legalForm(), "1 place de la Libération, 21000 Dijon", "contact@beneficiaire.example",
                        "Jeanne Martin"),
                "Action de " + beneficiary.name(), "Une action sur le territoire de Dijon Métropole.", THEME, fiscalYear,
                requested.add(new BigDecimal("10000")), requested,
                List.of(new SubmitRequest.CofinancingData("Autofinancement", new BigDecimal("10000"))));
    }

    /**
     * The Campus des métiers et des qualifications Green City, as the applicant posts it to the API: 40 000 € asked,
     * which the Bureau métropolitain of 23 June 2022 granted over three lines of two services (5 000 € on economic
     * development, 5 000 € and 30 000 € on urban ecology). The identity and the financing plan beside the 40 000 € are
     * illustrative.
     */
    public static Map<String, Object> cmqGreenCity(int fiscalYear) {
        return Map.of(
                "applicant", Map.of("name", "Campus des métiers et des qualifications Green City", "siret", "13021005700019",
                        "legalForm", "PUBLIC_BODY", "address", "Dijon", "email", "contact@cmq-greencity.example",
                        "representative", "Directeur opérationnel du campus"),
                "title", "CMQ Green City : programme d'actions " + fiscalYear,
                "description", "Les actions " + fiscalYear + " du campus des métiers et des qualifications Green City, "
                        + "entre développement économique et écologie urbaine.",
                "theme", "TRANSITIONS, ECOLOGIE URBAINE ET MOBILITES",
                "fiscalYear", fiscalYear, "totalBudget", 100000, "requestedAmount", 40000,
                "cofinancing", List.of(Map.of("funder", "Région Bourgogne-Franche-Comté", "amount", 40000),
                        Map.of("funder", "Autofinancement", "amount", 20000)));
    }

    /** An applicant as the convention rules identify it: SIRET (its first nine digits, the SIREN) and RNA. */
    public record Beneficiary(String name, String siret, String rna, LegalForm legalForm) {

        private static final AtomicInteger NEXT =
                new AtomicInteger(new Random().nextInt(1_000_000));

        /** A new association, with a SIREN and an RNA number no other beneficiary of the test run has. */
        public static Beneficiary newAssociation() {
            return fresh(LegalForm.ASSOCIATION);
        }

        public static Beneficiary fresh(LegalForm legalForm) {
            int n = NEXT.incrementAndGet() % 100_000_000;
            String siren = "9" + String.format("%08d", n);
            return new Beneficiary("Bénéficiaire " + n, siret(siren, "00011"),
                    legalForm == LegalForm.ASSOCIATION ? "W9" + String.format("%08d", n) : null, legalForm);
        }

        /** Another establishment of the same legal person: same SIREN and RNA, another SIRET. */
        public Beneficiary otherEstablishment() {
            return new Beneficiary(name, siret(siret.substring(0, 9), "00029"), rna, legalForm);
        }

        /** The SIRET of a SIREN and the first four digits of an establishment number, with its Luhn key. */
        static String siret(String siren, String nic) {
            String digits = siren + nic.substring(0, 4);
            for (int key = 0; key <= 9; key++) {
                String candidate = digits + key;
                if (Siret.isValid(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("no Luhn key for " + digits);
        }
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

package fr.subventions.acts;

import java.util.Arrays;

/**
 * The nature of an act as @CTES codes it: the number written in {@code actes:CodeNatureActe}, the two letters that
 * end the act's file names and its IDActe, and the typology code S²LOW and the prefectures expect in front of the
 * main document's file name when no finer typology is given (the "99_" codes of the classification's
 * {@code TypePJNatureActe}).
 */
public enum ActNature {

    DELIBERATION(1, "DE", "99_DE", "Délibération"),
    REGULATORY_ORDER(2, "AR", "99_AR", "Arrêté réglementaire"),
    INDIVIDUAL_ORDER(3, "AI", "99_AI", "Arrêté individuel"),
    CONVENTION(4, "CC", "99_DC", "Contrat ou convention"),
    BUDGETARY_DOCUMENT(5, "BF", "99_BU", "Document budgétaire et financier"),
    OTHER(6, "AU", "99_AU", "Autre");

    private final int code;
    private final String abbreviation;
    private final String mainDocumentTypology;
    private final String label;

    ActNature(int code, String abbreviation, String mainDocumentTypology, String label) {
        this.code = code;
        this.abbreviation = abbreviation;
        this.mainDocumentTypology = mainDocumentTypology;
        this.label = label;
    }

    /** {@code actes:CodeNatureActe}. */
    public int code() {
        return code;
    }

    /** The two letters of the file names and of the IDActe: DE, CC… */
    public String abbreviation() {
        return abbreviation;
    }

    /** The typology of the act's own document when the caller gives none: 99_DE, 99_DC… */
    public String mainDocumentTypology() {
        return mainDocumentTypology;
    }

    /** As a page shows it, in French. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for a code no nature has */
    public static ActNature ofCode(int code) {
        return Arrays.stream(values()).filter(n -> n.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("nature d'acte @CTES inconnue : " + code));
    }

    /** @throws IllegalArgumentException for letters no nature has */
    public static ActNature ofAbbreviation(String abbreviation) {
        return Arrays.stream(values()).filter(n -> n.abbreviation.equals(abbreviation)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("nature d'acte @CTES inconnue : " + abbreviation));
    }
}

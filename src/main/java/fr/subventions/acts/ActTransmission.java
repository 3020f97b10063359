package fr.subventions.acts;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One act to transmit to the prefecture, as the @CTES package states it.
 *
 * @param number         the act's number in the authority ({@code actes:NumeroInterne}), per {@link NumeroInterne}
 * @param decidedOn      the date of the decision ({@code actes:Date}): the séance's date for a deliberation
 * @param nature         its nature: a deliberation, a convention…
 * @param matieres       its classification, 2 to 5 levels: {@link #SUBSIDIES} for a grant
 * @param objet          what it decides; cut to the 500 characters @CTES allows when longer
 * @param signedPdf      the signed act, a PDF
 * @param annexes        the documents annexed to it (the convention of a deliberation), in order
 * @param documentPapier whether paper documents follow ({@code actes:DocumentPapier})
 * @param sentOn         the day the package is made, in the envelope's name
 * @param sequence       the package's number in that day for the authority, 1 to 9999, in the envelope's name
 */
public record ActTransmission(String number, LocalDate decidedOn, ActNature nature, List<Integer> matieres,
        String objet, byte[] signedPdf, List<Annex> annexes, boolean documentPapier, LocalDate sentOn, int sequence) {

    /** Matière 7 « Finances locales », sous-matière 5 « Subventions », of the prefectures' classification. */
    public static final List<Integer> SUBSIDIES = List.of(7, 5);

    /** The typology @CTES gives an annex when nothing finer is known: « Autre ». */
    public static final String OTHER_TYPOLOGY = "99_AU";

    /** The file formats @CTES takes for an annex. */
    static final List<String> ANNEX_FORMATS = List.of("pdf", "xml", "png", "jpg");

    /**
     * A document annexed to the act.
     *
     * @param name     its name, for its extension only: the package names it as @CTES requires
     * @param content  its bytes
     * @param typology its @CTES typology (the classification's {@code TypePJNatureActe} code, such as 99_AU), which
     *                 S²LOW and the prefectures expect in front of its file name
     */
    public record Annex(String name, byte[] content, String typology) {

        public Annex {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("une annexe sans nom");
            }
            if (content == null || content.length == 0) {
                throw new IllegalArgumentException("l'annexe « " + name + " » est vide");
            }
            if (typology == null || !typology.matches("[0-9]{2}_[A-Z0-9]{2}")) {
                throw new IllegalArgumentException("typologie @CTES invalide pour l'annexe « " + name + " » : « "
                        + typology + " » (deux chiffres, « _ », deux lettres : 99_AU)");
            }
            String extension = extension(name);
            if (!ANNEX_FORMATS.contains(extension)) {
                throw new IllegalArgumentException("l'annexe « " + name + " » n'est pas dans un format que @CTES "
                        + "accepte (PDF, XML, PNG, JPG)");
            }
        }

        /** An annex of typology « Autre » (99_AU). */
        public Annex(String name, byte[] content) {
            this(name, content, OTHER_TYPOLOGY);
        }

        /** pdf, xml, png or jpg (jpeg written jpg). */
        public String extension() {
            return extension(name);
        }

        private static String extension(String name) {
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            return extension.equals("jpeg") ? "jpg" : extension;
        }
    }

    public ActTransmission {
        NumeroInterne.check(number);
        if (decidedOn == null || nature == null || sentOn == null) {
            throw new IllegalArgumentException("un acte transmis a une date de décision, une nature et une date d'envoi");
        }
        if (matieres == null || matieres.size() < 2 || matieres.size() > 5
                || matieres.stream().anyMatch(code -> code == null || code < 1)) {
            throw new IllegalArgumentException("classification @CTES invalide : " + matieres
                    + " (2 à 5 codes matière positifs, 7 puis 5 pour une subvention)");
        }
        matieres = List.copyOf(matieres);
        if (objet == null || objet.isBlank()) {
            throw new IllegalArgumentException("l'acte " + number + " n'a pas d'objet");
        }
        if (signedPdf == null || signedPdf.length < 5
                || !new String(signedPdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new IllegalArgumentException("l'acte " + number + " signé n'est pas un PDF");
        }
        annexes = annexes == null ? List.of() : List.copyOf(annexes);
        if (sequence < 1 || sequence > 9999) {
            throw new IllegalArgumentException("numéro d'envoi du jour hors de 1 à 9999 : " + sequence);
        }
    }
}

package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The seed's deliberation as the prefecture receives it: the archive, the names @CTES requires, the envelope and the
 * Acte checked by the JDK's validator against the ACTES v1.1 schema of src/main/resources, independently of the code
 * that wrote them.
 */
class ActesPackageTest {

    /** Dijon Métropole's public identifiers: SIREN, Côte-d'Or, arrondissement of Dijon, communauté urbaine. */
    static final AuthorityIdentifiers DIJON = new AuthorityIdentifiers("242100410", "021", "2", "45");
    static final TransmissionSettings SETTINGS = new TransmissionSettings("actes@example.org", "SLO",
            LocalDate.of(2023, 1, 1), Path.of("target", "actes", "outbox"), Path.of("target", "actes", "inbox"), false,
            false);
    static final String OBJET = "Subvention à l'association OF du Numérique – Octobre Numérique – Faire Société 2023";
    static final byte[] DELIBERATION = TestPdfs.page("Deliberation B2023_0001 du 14 septembre 2023");
    static final byte[] CONVENTION = TestPdfs.page("Convention OF du Numerique 2023");

    static final String ENVELOPE = "EACT--242100410--20231002-1.xml";
    static final String MESSAGE = "021-242100410-20230914-B2023_0001-DE-1-1_0.xml";
    static final String ACT = "99_DE-021-242100410-20230914-B2023_0001-DE-1-1_1.pdf";
    static final String ANNEX = "99_AU-021-242100410-20230914-B2023_0001-DE-1-1_2.pdf";

    private final ActesPackage packages = new ActesPackage(DIJON, SETTINGS);

    static ActTransmission seed(String number, String objet) {
        return new ActTransmission(number, LocalDate.of(2023, 9, 14), ActNature.DELIBERATION, ActTransmission.SUBSIDIES,
                objet, DELIBERATION, List.of(new ActTransmission.Annex("convention signée.pdf", CONVENTION)), false,
                LocalDate.of(2023, 10, 2), 1);
    }

    @Test
    void theSeedPackageHoldsExactlyTheFilesNamedAsActesRequires() throws IOException {
        ActesArchive archive = packages.build(seed("B2023_0001", OBJET));

        assertThat(archive.fileName()).isEqualTo("SLO-EACT--242100410--20231002-1.tar.gz");
        Map<String, byte[]> files = untar(archive.content());
        assertThat(files.keySet()).containsExactly(ENVELOPE, MESSAGE, ACT, ANNEX);
        assertThat(archive.entries()).containsExactlyElementsOf(files.keySet());
        assertThat(files.get(ACT)).isEqualTo(DELIBERATION);
        assertThat(files.get(ANNEX)).isEqualTo(CONVENTION);
        assertThat(archive.idActe().format()).isEqualTo("021-242100410-20230914-B2023_0001-DE");
    }

    @Test
    void itsEnvelopeAndItsActeValidateAgainstTheActesSchema() throws Exception {
        Map<String, byte[]> files = untar(packages.build(seed("B2023_0001", OBJET)).content());

        Schema schema = schema();
        for (String xml : List.of(ENVELOPE, MESSAGE)) {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(files.get(xml)), xml));
            assertThat(new String(files.get(xml), 0, 60, StandardCharsets.ISO_8859_1)).as(xml)
                    .contains("encoding=\"ISO-8859-1\"");
        }
    }

    @Test
    void theEnvelopeNamesTheAuthorityItsReturnAddressAndTheMessage() throws Exception {
        Document envelope = parse(untar(packages.build(seed("B2023_0001", OBJET)).content()).get(ENVELOPE));

        assertThat(text(envelope, "/actes:EnveloppeCLMISILL/actes:Emetteur/actes:IDCL/@insee:SIREN")).isEqualTo("242100410");
        assertThat(text(envelope, "//actes:IDCL/@actes:Departement")).isEqualTo("021");
        assertThat(text(envelope, "//actes:IDCL/@actes:Arrondissement")).isEqualTo("2");
        assertThat(text(envelope, "//actes:IDCL/@actes:Nature")).isEqualTo("45");
        assertThat(text(envelope, "//actes:AdressesRetour/actes:Email")).isEqualTo("actes@example.org");
        assertThat(text(envelope, "count(//actes:FormulairesEnvoyes/actes:Formulaire)")).isEqualTo("1");
        assertThat(text(envelope, "//actes:Formulaire/actes:NomFichier")).isEqualTo(MESSAGE);
    }

    @Test
    void theActeStatesTheDeliberationAndNamesThePdfAndTheConventionAnnexed() throws Exception {
        byte[] message = untar(packages.build(seed("B2023_0001", OBJET)).content()).get(MESSAGE);
        Document acte = parse(message);

        assertThat(text(acte, "/actes:Acte/@actes:Date")).isEqualTo("2023-09-14");
        assertThat(text(acte, "/actes:Acte/@actes:NumeroInterne")).isEqualTo("B2023_0001");
        assertThat(text(acte, "/actes:Acte/@actes:CodeNatureActe")).isEqualTo("1");
        assertThat(text(acte, "/actes:Acte/actes:CodeMatiere1/@actes:CodeMatiere")).isEqualTo("7");
        assertThat(text(acte, "/actes:Acte/actes:CodeMatiere2/@actes:CodeMatiere")).isEqualTo("5");
        assertThat(text(acte, "/actes:Acte/actes:Objet")).isEqualTo(OBJET);
        assertThat(text(acte, "/actes:Acte/actes:ClassificationDateVersion")).isEqualTo("2023-01-01");
        assertThat(text(acte, "/actes:Acte/actes:Document/actes:NomFichier")).isEqualTo(ACT);
        assertThat(text(acte, "/actes:Acte/actes:Annexes/@actes:Nombre")).isEqualTo("1");
        assertThat(text(acte, "/actes:Acte/actes:Annexes/actes:Annexe/actes:NomFichier")).isEqualTo(ANNEX);
        assertThat(text(acte, "/actes:Acte/actes:DocumentPapier")).isEqualTo("N");
        // Latin-1 as such, the en dash (outside Latin-1) as a character reference
        String raw = new String(message, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("Société 2023").contains("&#8211;");
    }

    @Test
    void aConventionGoesAsAnActOfNatureFourWithoutAnnex() throws Exception {
        ActTransmission convention = new ActTransmission("C2023_0001", LocalDate.of(2023, 10, 20), ActNature.CONVENTION,
                ActTransmission.SUBSIDIES, "Convention d'objectifs – OF du Numérique 2023", CONVENTION, List.of(), true,
                LocalDate.of(2023, 10, 23), 3);
        ActesArchive archive = packages.build(convention);

        assertThat(archive.entries()).containsExactly("EACT--242100410--20231023-3.xml",
                "021-242100410-20231020-C2023_0001-CC-1-1_0.xml", "99_DC-021-242100410-20231020-C2023_0001-CC-1-1_1.pdf");
        Document acte = parse(untar(archive.content()).get(archive.message()));
        schema().newValidator().validate(new DOMSource(acte));
        assertThat(text(acte, "/actes:Acte/@actes:CodeNatureActe")).isEqualTo("4");
        assertThat(text(acte, "/actes:Acte/actes:Annexes/@actes:Nombre")).isEqualTo("0");
        assertThat(text(acte, "/actes:Acte/actes:DocumentPapier")).isEqualTo("O");
    }

    @Test
    void anObjetOverFiveHundredCharactersIsCutOnAWholeCharacter() throws Exception {
        // q + combining dot above has no precomposed form: cut between them, the dot would stand alone
        String accents = "x".repeat(498) + "q\u0307" + " et la suite";
        assertThat(ActesPackage.objet(accents)).isEqualTo("x".repeat(498) + "…");
        // an emoji is one character but two UTF-16 units, as the JDK's validator counts: never half of one
        String emojis = "😀".repeat(600);
        String cut = ActesPackage.objet(emojis);
        assertThat(cut).isEqualTo("😀".repeat(249) + "…").hasSizeLessThanOrEqualTo(500);
        // line breaks and runs of spaces are one space; 500 characters exactly stay whole
        assertThat(ActesPackage.objet("Subvention\r\n\tà   l'association")).isEqualTo("Subvention à l'association");
        assertThat(ActesPackage.objet("é".repeat(500))).isEqualTo("é".repeat(500));

        Document acte = parse(untar(packages.build(seed("B2023_0001", emojis + " " + OBJET)).content()).get(MESSAGE));
        schema().newValidator().validate(new DOMSource(acte));
        assertThat(text(acte, "/actes:Acte/actes:Objet")).isEqualTo(cut);
    }

    @Test
    void aNumberOutsideTheActesRuleIsRefusedNamingTheRule() {
        for (String number : List.of("b2023_0001", "B2023-0001", "B2023_00010000001", "", "B 2023")) {
            assertThatThrownBy(() -> seed(number, OBJET)).as(number).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NumeroInterne")
                    .hasMessageContaining("1 à 15 caractères parmi les chiffres, les lettres majuscules A à Z et « _ »");
        }
        assertThat(seed("B2023_000000001", OBJET).number()).hasSize(15);
    }

    @Test
    void anAnnexInAFormatActesDoesNotTakeIsRefused() {
        assertThatThrownBy(() -> new ActTransmission.Annex("convention.docx", CONVENTION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PDF, XML, PNG, JPG");
        assertThatThrownBy(() -> new ActTransmission.Annex("convention.pdf", CONVENTION, "convention"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typologie");
        assertThat(new ActTransmission.Annex("plan.JPEG", CONVENTION).extension()).isEqualTo("jpg");
    }

    @Test
    void aSignedActThatIsNoPdfIsRefused() {
        assertThatThrownBy(() -> new ActTransmission("B2023_0001", LocalDate.of(2023, 9, 14), ActNature.DELIBERATION,
                ActTransmission.SUBSIDIES, OBJET, "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), List.of(),
                false, LocalDate.of(2023, 10, 2), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n'est pas un PDF");
    }

    @Test
    void anIdActeIsReadAndWrittenBack() {
        IdActe id = IdActe.parse("021-242100410-20230914-B2023_0001-DE");

        assertThat(id.departement()).isEqualTo("021");
        assertThat(id.siren()).isEqualTo("242100410");
        assertThat(id.actDate()).isEqualTo(LocalDate.of(2023, 9, 14));
        assertThat(id.number()).isEqualTo("B2023_0001");
        assertThat(id.nature()).isEqualTo(ActNature.DELIBERATION);
        assertThat(id.format()).isEqualTo("021-242100410-20230914-B2023_0001-DE");
        assertThat(IdActe.parse("02A-242100410-20231020-C2023_0001-CC").nature()).isEqualTo(ActNature.CONVENTION);
        for (String bad : List.of("21-242100410-20230914-B2023_0001-DE", "021-24210041-20230914-B2023_0001-DE",
                "021-242100410-20230231-B2023_0001-DE", "021-242100410-20230914-B2023_0001-ZZ", "")) {
            assertThatThrownBy(() -> IdActe.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static Schema schema() throws Exception {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        return factory.newSchema(ActesPackageTest.class.getResource("/actes/actes-v1.1.xsd"));
    }

    static Map<String, byte[]> untar(byte[] archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                assertThat(entry.isFile()).as(entry.getName()).isTrue();
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        return files;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String text(Document document, String expression) throws Exception {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {

            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "actes" -> ActesSchema.ACTES;
                    case "insee" -> ActesSchema.INSEE;
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return null;
            }
        });
        return xpath.evaluate(expression, document);
    }
}

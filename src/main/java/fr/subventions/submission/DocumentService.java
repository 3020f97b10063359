package fr.subventions.submission;

import fr.subventions.shared.Archives;
import fr.subventions.shared.Caller;
import fr.subventions.shared.Digests;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.signature.SignatureVerifier;
import fr.subventions.signature.VerifiedPdf;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's documents: accepted formats only, recognised from their content and not their name; and those the
 * authority produces, each .docx with its PDF/A rendition. Over 300 lines: filing, reading under the one visibility
 * rule, and the format check of a request's documents stay together, so that no document is read around the rule.
 */
@Service
@Transactional
public class DocumentService {

    /** What an authority accepts for a request's documents, by the magic bytes that open each format. */
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", "%PDF-".getBytes(),
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            // .docx, .xlsx and .odt are zip containers
            "application/zip", new byte[] {'P', 'K', 3, 4});

    private final RequestDocumentRepository documents;
    private final SubsidyRequestRepository requests;
    private final Clock clock;
    private final SignatureVerifier signatures;
    private final ObjectProvider<DocumentRestriction> restrictions;
    private final long maxSize;

    DocumentService(RequestDocumentRepository documents, SubsidyRequestRepository requests, Clock clock,
            SignatureVerifier signatures, ObjectProvider<DocumentRestriction> restrictions,
            @Value("${subventions.documents.max-size:10485760}") long maxSize) {
        this.signatures = signatures;
        this.restrictions = restrictions;
        this.documents = documents;
        this.requests = requests;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    public RequestDocument upload(String reference, DocumentType type, String filename, byte[] content, Caller caller) {
        SubsidyRequest request = requests.findByReference(reference).filter(r -> r.isOwnedBy(caller.username()))
                .orElseThrow(() -> new NotFoundException("Demande inconnue : " + reference));
        if (request.status() == RequestStatus.CLOSED) {
            throw new StageConflictException("La demande " + reference + " est clôturée : elle ne reçoit plus de pièces.");
        }
        if (type != null && type.generated()) {
            throw new InvalidInputException("type", "« " + type.label() + " » est un document produit par la collectivité, pas une pièce à déposer");
        }
        if (type == DocumentType.MESSAGE_ATTACHMENT) {
            throw new InvalidInputException("type", "une pièce jointe à un message se joint au message lui-même "
                    + "(/api/requests/" + reference + "/messages), pas déposée seule");
        }
        if (type != null && type.filedByStaff()) {
            throw new InvalidInputException("type", "« " + type.label() + " » est une pièce jointe par les services de la "
                    + "collectivité, pas une pièce à déposer");
        }
        if (type == null) {
            throw new InvalidInputException("type", "le type de pièce est obligatoire (STATUTS, RIB, BUDGET_PREVISIONNEL, COMPTES, "
                    + "RAPPORT_ACTIVITE, CONTRAT_ENGAGEMENT_REPUBLICAIN, CONVENTION_SIGNEE ou AUTRE)");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "le fichier est vide");
        }
        if (content.length > maxSize) {
            throw new InvalidInputException("file", "le fichier dépasse la taille maximale de " + maxSize / (1024 * 1024) + " Mo");
        }
        String mediaType = mediaTypeOf(content);
        if (type == DocumentType.CONVENTION_SIGNEE) {
            request.recordSignedConvention(signedConvention(content), caller.username(), Instant.now(clock));
        }
        return documents.save(new RequestDocument(request.id(), null, type, sanitize(filename), mediaType, content,
                Digests.sha256(content), Instant.now(clock), caller.username(), request.status().name(), 1));
    }

    /**
     * Files a document the authority's staff attach to a request by hand — a file sent with a question to the services
     * consulted —, after the same checks as every upload ({@link #check}): internal to the authority, never the
     * applicant's.
     */
    public RequestDocument fileForStaff(Long requestId, DocumentType type, String filename, byte[] content, Caller caller) {
        if (!type.filedByStaff()) {
            throw new IllegalArgumentException(type + " is not filed by staff");
        }
        if (!caller.isStaff()) {
            throw new AccessDeniedException("staff only attach " + type);
        }
        SubsidyRequest request = requests.findById(requestId)
                .orElseThrow(() -> new NotFoundException("Demande inconnue : " + requestId));
        check(filename, content);
        return documents.save(new RequestDocument(request.id(), null, type, sanitize(filename), mediaTypeOf(content),
                content, Digests.sha256(content), Instant.now(clock), caller.username(), request.status().name(), 1));
    }

    /**
     * What the convention the beneficiary signed says of its signatures: a PAdES signature is verified and its signer
     * recorded; a signature that no longer covers the document (altered after signing) is refused; a scan — an image, a
     * PDF without a signature — is accepted and recorded as such.
     */
    public String signedConvention(byte[] content) {
        if (!DocumentType.PDF.equals(mediaTypeOf(content))) {
            return "Convention signée déposée : document numérisé, sans signature électronique";
        }
        VerifiedPdf verified;
        try {
            verified = signatures.verify(content);
        } catch (InvalidInputException unreadable) {
            // a PDF no signature can be read from (a scanner's own, say) is taken as the scan it is
            verified = new VerifiedPdf(List.of());
        }
        if (!verified.signed()) {
            return "Convention signée déposée : document numérisé, sans signature électronique";
        }
        if (!verified.unchangedSinceLastSignature()) {
            throw new InvalidInputException("file", "la signature électronique de la convention ne couvre plus le document"
                    + " (" + verified.summary() + ") : déposez la convention telle que vous l'avez signée");
        }
        return "Convention signée déposée, avec signature électronique vérifiée : " + verified.summary();
    }

    /**
     * Files a document the authority generated, with its request (and its séance for a séance's documents); a
     * document generated again for the same request, séance and type is a new version (its PDF rendition, filed by
     * {@link #storeRendition}, is no version of its own).
     */
    public RequestDocument storeGenerated(Long requestId, Long sessionId, DocumentType type, String filename,
            String mediaType, byte[] content, String stage) {
        int version = (int) documents.countByRequestIdAndSessionIdAndTypeAndMediaTypeNot(requestId, sessionId, type,
                DocumentType.PDF) + 1;
        return documents.save(new RequestDocument(requestId, sessionId, type, filename, mediaType, content, Digests.sha256(content),
                Instant.now(clock), "système", stage, version));
    }

    /**
     * Files the PDF/A rendition of a document the authority generated as .docx, beside it: the same request, séance,
     * type, version and stage, its name ending in .pdf. Called in the transaction that filed the .docx, so that both
     * are filed or neither.
     */
    public RequestDocument storeRendition(RequestDocument document, byte[] pdf) {
        if (!document.type().generated() || !DocumentType.DOCX.equals(document.mediaType())) {
            throw new IllegalArgumentException("only a produced .docx has a PDF rendition, not " + document.filename());
        }
        if (pdf == null || !startsWith(pdf, SIGNATURES.get(DocumentType.PDF))) {
            throw new IllegalArgumentException("the rendition of " + document.filename() + " is not a PDF");
        }
        String name = document.filename();
        String filename = (name.endsWith(".docx") ? name.substring(0, name.length() - ".docx".length()) : name) + ".pdf";
        return documents.save(new RequestDocument(document.requestId(), document.sessionId(), document.type(), filename,
                DocumentType.PDF, pdf, Digests.sha256(pdf), Instant.now(clock), "système", document.stage(),
                document.version()));
    }

    /**
     * The PDF/A rendition filed beside a produced document, with its content, whoever it is for: for the application's
     * own use (an e-mail, a signature). Empty for a document that has none: one the applicant filed, the engagement
     * sheet, or a document produced before renditions existed. A PDF rendition is its own rendition.
     */
    @Transactional(readOnly = true)
    public Optional<RequestDocument> pdfOf(Long documentId) {
        Optional<RequestDocument> pdf = documents.findById(documentId).filter(d -> d.type().generated())
                .flatMap(d -> DocumentType.PDF.equals(d.mediaType()) ? Optional.of(d)
                        : documents.findFirstByRequestIdAndSessionIdAndTypeAndVersionAndMediaTypeOrderByIdDesc(
                                d.requestId(), d.sessionId(), d.type(), d.version(), DocumentType.PDF));
        pdf.ifPresent(RequestDocument::content);
        return pdf;
    }

    /**
     * The PDF/A rendition of the latest version of a produced document, with its content: a request's (séance null),
     * a séance's (request null) or an extract's (both).
     */
    @Transactional(readOnly = true)
    public Optional<RequestDocument> latestPdf(Long requestId, Long sessionId, DocumentType type) {
        Optional<RequestDocument> pdf = documents.findFirstByRequestIdAndSessionIdAndTypeAndMediaTypeOrderByVersionDescIdDesc(
                requestId, sessionId, type, DocumentType.PDF);
        pdf.ifPresent(RequestDocument::content);
        return pdf;
    }

    /**
     * Who may see a document — the one rule for the portal, the API and the e-mails: staff see every document; an
     * applicant sees, of their own requests, the documents whose type is {@link Visibility#SHOWN_TO_APPLICANT}, never
     * an internal one (the instruction report is a preparatory document, CRPA L311-2); a séance's own documents, with
     * no request and so no applicant, are staff's.
     *
     * @param owner the portal account that filed the document's request, or null for a séance's document
     */
    public static boolean visibleTo(DocumentType type, String owner, Caller caller) {
        if (caller.isStaff()) {
            return true;
        }
        return owner != null && owner.equals(caller.username()) && type.visibility() == Visibility.SHOWN_TO_APPLICANT;
    }

    /**
     * A request's documents the caller may see, in filing order: all of them for staff (but those another module keeps
     * from them, {@link DocumentRestriction}), the applicant's for them.
     */
    @Transactional(readOnly = true)
    public List<RequestDocument> list(SubsidyRequest request, Caller caller) {
        return documents.findByRequestIdOrderById(request.id()).stream()
                .filter(d -> visibleTo(d.type(), request.submittedBy(), caller) && !restricted(d.id(), d.type(), caller))
                .toList();
    }

    /**
     * The same documents as {@link #list(SubsidyRequest, Caller)}, without their content: for a page that lists them,
     * which would otherwise read every file of the request (a scanned statute runs to megabytes) to show its name.
     */
    @Transactional(readOnly = true)
    public List<DocumentView> views(SubsidyRequest request, Caller caller) {
        return documents.viewsByRequestId(request.id()).stream()
                .filter(d -> visibleTo(d.type(), request.submittedBy(), caller) && !restricted(d.id(), d.type(), caller))
                .toList();
    }

    /** A séance's documents the caller may see: its convocation, minutes and extracts, for staff. */
    @Transactional(readOnly = true)
    public List<RequestDocument> listForSession(Long sessionId, Caller caller) {
        return documents.findBySessionIdOrderById(sessionId).stream()
                .filter(d -> visibleTo(d.type(), ownerOf(d), caller)).toList();
    }

    /**
     * A document with its content, if the caller may see it; otherwise 404, the same answer as for a document that
     * does not exist, so that an applicant learns nothing of an internal document nor of someone else's.
     */
    @Transactional(readOnly = true)
    public RequestDocument get(Long id, Caller caller) {
        RequestDocument document = documents.findById(id)
                .filter(d -> visibleTo(d.type(), ownerOf(d), caller) && !restricted(d.id(), d.type(), caller))
                .orElseThrow(() -> new NotFoundException("Document inconnu : " + id));
        document.content();
        return document;
    }

    /**
     * A document with its content, for an e-mail to the applicant of a request: only a document of that request that
     * its applicant may see ({@link #visibleTo}, as their own portal account), so that an internal document is never
     * sent to them.
     */
    @Transactional(readOnly = true)
    public Optional<RequestDocument> forApplicant(Long requestId, Long id) {
        Optional<RequestDocument> document = documents.findById(id).filter(d -> d.requestId() != null
                && d.requestId().equals(requestId)).filter(d -> {
            String owner = ownerOf(d);
            return owner != null && visibleTo(d.type(), owner, new Caller(owner, Set.of(Caller.APPLICANTS)));
        });
        document.ifPresent(RequestDocument::content);
        return document;
    }

    /**
     * A document with its content, whoever it is for: for the application's own use — an e-mail to staff. What a
     * caller or an applicant receives goes through {@link #get} or {@link #forApplicant}.
     */
    @Transactional(readOnly = true)
    public Optional<RequestDocument> withContent(Long id) {
        Optional<RequestDocument> document = documents.findById(id);
        document.ifPresent(RequestDocument::content);
        return document;
    }

    /**
     * Every document of a séance, whoever it is for: for the application's own checks. What a caller sees goes
     * through {@link #listForSession(Long, Caller)}.
     */
    @Transactional(readOnly = true)
    public List<RequestDocument> listForSession(Long sessionId) {
        return documents.findBySessionIdOrderById(sessionId);
    }

    /**
     * Every document of a request, internal ones included: for the application's own checks (a Contrat d'Engagement
     * Républicain filed, the financial report handed in). What a caller sees goes through
     * {@link #list(SubsidyRequest, Caller)}.
     */
    @Transactional(readOnly = true)
    public List<RequestDocument> list(SubsidyRequest request) {
        return documents.findByRequestIdOrderById(request.id());
    }

    /** Whether another module keeps this internal document from this member of staff. */
    private boolean restricted(Long id, DocumentType type, Caller caller) {
        return type.visibility() == Visibility.INTERNAL
                && restrictions.orderedStream().anyMatch(restriction -> restriction.hides(id, type, caller));
    }

    private String ownerOf(RequestDocument document) {
        return document.requestId() == null ? null
                : requests.findById(document.requestId()).map(SubsidyRequest::submittedBy).orElse(null);
    }

    /**
     * Files a message's attachment with its request, checked as every upload is ({@link #check}): its format from its
     * content, its size, and an office document inflated once. Who may write on the request's thread is the caller's
     * concern (package {@code collaboration}); the file is the thread's, which applicant and staff share.
     */
    public RequestDocument attachToMessage(SubsidyRequest request, String filename, byte[] content, String author) {
        check(filename, content);
        return documents.save(new RequestDocument(request.id(), null, DocumentType.MESSAGE_ATTACHMENT, sanitize(filename),
                mediaTypeOf(content), content, Digests.sha256(content), Instant.now(clock), author, request.status().name(), 1));
    }

    /** Checks a file before anything is filed: not empty, not too large, an accepted format. */
    public void check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "le fichier est vide");
        }
        if (content.length > maxSize) {
            throw new InvalidInputException("file", "le fichier dépasse la taille maximale de " + maxSize / (1024 * 1024) + " Mo");
        }
        mediaTypeOf(content);
    }

    /** The uncompressed size an office document may reach: a 10 MB upload of XML needs far less. */
    static final long MAX_UNZIPPED = 100L * 1024 * 1024;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODT = "application/vnd.oasis.opendocument.text";

    /**
     * The format, from the content alone: the magic bytes, and for a ZIP container the entries that make a Word,
     * Excel or OpenDocument text file — never the file's name. A ZIP is inflated once, without keeping anything, to
     * refuse a decompression bomb or an entry escaping the archive ({@link Archives}).
     */
    static String mediaTypeOf(byte[] content) {
        for (Map.Entry<String, byte[]> signature : SIGNATURES.entrySet()) {
            if (startsWith(content, signature.getValue())) {
                return signature.getKey().equals("application/zip") ? officeDocument(content) : signature.getKey();
            }
        }
        throw new InvalidInputException("file", "format non accepté : PDF, PNG, JPEG, DOCX, XLSX ou ODT, reconnu d'après le contenu du fichier");
    }

    private static String officeDocument(byte[] content) {
        List<Archives.Entry> entries = Archives.inspect(content, "file", MAX_UNZIPPED,
                "archive illisible : enregistrez le document au format .docx, .xlsx, .odt ou PDF");
        boolean contentTypes = entries.stream().anyMatch(e -> e.name().equals("[Content_Types].xml"));
        if (contentTypes && entries.stream().anyMatch(e -> e.name().equals("word/document.xml"))) {
            return DOCX;
        }
        if (contentTypes && entries.stream().anyMatch(e -> e.name().equals("xl/workbook.xml"))) {
            return XLSX;
        }
        if (entries.stream().anyMatch(e -> e.name().equals("mimetype") && e.headText().equals(ODT))) {
            return ODT;
        }
        throw new InvalidInputException("file", "archive non acceptée : seuls les documents .docx, .xlsx et .odt le sont");
    }

    /**
     * Keeps the name readable but harmless: no path, no control characters, no invisible characters that reorder or
     * hide text (a right-to-left override makes "facture[RLO]fdp.exe" show as "factureexe.pdf"), no characters
     * reserved by Windows.
     */
    static String sanitize(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{C}<>:\"|?*]", "_").trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

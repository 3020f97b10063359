package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.Visibility;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The dossier page's « Pièces »: every document of the request, without its content, and the documents expected of its
 * applicant ({@link ExpectedDocuments}) ticked against those received. Who may read which document is
 * {@link DocumentService}'s rule.
 */
@Component
public class DossierDocuments {

    private final DocumentService documents;
    private final ExpectedDocuments expectedDocuments;

    DossierDocuments(DocumentService documents, ExpectedDocuments expectedDocuments) {
        this.documents = documents;
        this.expectedDocuments = expectedDocuments;
    }

    /** The request's documents that the caller may read, their times in {@code zone}. */
    List<DocumentLine> of(SubsidyRequest request, Caller caller, ZoneId zone) {
        return documents.views(request, caller).stream().map(d -> DocumentLine.of(d, zone)).toList();
    }

    /** The documents expected of the request's applicant, each with those of its type among {@code files}. */
    List<ExpectedDocument> expected(SubsidyRequest request, List<DocumentLine> files) {
        Map<DocumentType, List<DocumentLine>> byType = new LinkedHashMap<>();
        files.forEach(f -> byType.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f));
        return expectedDocuments.of(request).stream().map(type -> {
            List<DocumentLine> received = byType.getOrDefault(type, List.of());
            return new ExpectedDocument(type, type.label(), received.size(),
                    received.isEmpty() ? null : received.get(received.size() - 1));
        }).toList();
    }

    /** A document of the request, without its content. */
    public record DocumentLine(Long id, DocumentType type, String label, String filename, String mediaType, long size,
            int version, LocalDateTime filedAt, boolean generated, boolean internal) {

        /** The formats a browser shows in the page; the others are downloaded. */
        static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

        static DocumentLine of(DocumentView d, ZoneId zone) {
            return new DocumentLine(d.id(), d.type(), d.label(), d.filename(), d.mediaType(), d.size(), d.version(),
                    DossierView.local(d.uploadedAt(), zone), d.generated(), d.visibility() == Visibility.INTERNAL);
        }

        public boolean inline() {
            return INLINE.contains(mediaType);
        }

        public boolean pdf() {
            return "application/pdf".equals(mediaType);
        }

        public boolean image() {
            return mediaType.startsWith("image/") && inline();
        }

        /** "PDF", "PNG", "Word"…: the format in words. */
        public String format() {
            return switch (mediaType) {
                case "application/pdf" -> "PDF";
                case "image/png" -> "PNG";
                case "image/jpeg" -> "JPEG";
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word";
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "Excel";
                case "application/vnd.oasis.opendocument.text" -> "OpenDocument";
                default -> mediaType;
            };
        }

        /** "850 octets", "12,4 Ko", "3,2 Mo". */
        public String sizeLabel() {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
            format.setMaximumFractionDigits(1);
            if (size < 1024) {
                return size + "\u00a0octets";
            }
            if (size < 1024 * 1024) {
                return format.format(size / 1024.0) + "\u00a0Ko";
            }
            return format.format(size / (1024.0 * 1024.0)) + "\u00a0Mo";
        }
    }

    /** An expected document, ticked against those received: {@code latest} is the last one filed of its type. */
    public record ExpectedDocument(DocumentType type, String label, int count, DocumentLine latest) {

        public boolean received() {
            return count > 0;
        }
    }
}

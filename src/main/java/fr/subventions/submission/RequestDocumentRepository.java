package fr.subventions.submission;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RequestDocumentRepository extends JpaRepository<RequestDocument, Long> {

    List<RequestDocument> findByRequestIdOrderById(Long requestId);

    List<RequestDocument> findBySessionIdOrderById(Long sessionId);

    /** A request's documents in filing order, without their content: a listing never reads the files themselves. */
    @Query("select new fr.subventions.submission.DocumentView(d.id, d.type, d.filename, d.mediaType, d.size, d.sha256, "
            + "d.stage, d.version, d.uploadedAt) from RequestDocument d where d.requestId = :requestId order by d.id")
    List<DocumentView> viewsByRequestId(@Param("requestId") Long requestId);

    /** The versions of a produced document: its files but its PDF renditions, each of which shares its .docx's. */
    long countByRequestIdAndSessionIdAndTypeAndMediaTypeNot(Long requestId, Long sessionId, DocumentType type,
            String mediaType);

    /** A document's files of one format: the PDF rendition filed beside a version of a produced document. */
    Optional<RequestDocument> findFirstByRequestIdAndSessionIdAndTypeAndVersionAndMediaTypeOrderByIdDesc(Long requestId,
            Long sessionId, DocumentType type, int version, String mediaType);

    /** The files of one format of a produced document, the latest version first. */
    Optional<RequestDocument> findFirstByRequestIdAndSessionIdAndTypeAndMediaTypeOrderByVersionDescIdDesc(Long requestId,
            Long sessionId, DocumentType type, String mediaType);
}

package fr.subventions.submission;

import java.util.List;
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

    long countByRequestIdAndSessionIdAndType(Long requestId, Long sessionId, DocumentType type);
}

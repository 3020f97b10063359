package fr.subventions.submission;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequestDocumentRepository extends JpaRepository<RequestDocument, Long> {

    List<RequestDocument> findByRequestIdOrderById(Long requestId);

    List<RequestDocument> findBySessionIdOrderById(Long sessionId);

    long countByRequestIdAndSessionIdAndType(Long requestId, Long sessionId, DocumentType type);
}

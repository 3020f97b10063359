package fr.subventions.submission;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequestDocumentRepository extends JpaRepository<RequestDocument, Long> {

    List<RequestDocument> findByRequestIdOrderById(Long requestId);
}

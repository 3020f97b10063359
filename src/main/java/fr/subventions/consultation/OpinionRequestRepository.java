package fr.subventions.consultation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OpinionRequestRepository extends JpaRepository<OpinionRequest, Long> {

    List<OpinionRequest> findByRequestIdOrderById(Long requestId);

    List<OpinionRequest> findByRequestIdAndStateOrderById(Long requestId, OpinionState state);

    /** The opinion requests a document was sent with. */
    @Query("select o from OpinionRequest o join o.documentIds d where d = :documentId order by o.id")
    List<OpinionRequest> findByDocument(@Param("documentId") Long documentId);
}

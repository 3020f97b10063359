package fr.subventions.submission;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubsidyRequestRepository extends JpaRepository<SubsidyRequest, Long> {

    Optional<SubsidyRequest> findByReference(String reference);

    Optional<SubsidyRequest> findBySubmittedByAndIdempotencyKey(String submittedBy, String idempotencyKey);

    List<SubsidyRequest> findByStatusOrderByReference(RequestStatus status);

    List<SubsidyRequest> findAllByOrderByReference();

    List<SubsidyRequest> findBySubmittedByOrderByReference(String submittedBy);
}

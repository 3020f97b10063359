package fr.subventions.submission;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SubsidyRequestRepository extends JpaRepository<SubsidyRequest, Long> {

    Optional<SubsidyRequest> findByReference(String reference);

    /** The request's row locked until the transaction ends (SELECT … FOR UPDATE): its id, or empty. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r.id from SubsidyRequest r where r.id = :id")
    Optional<Long> lockRow(Long id);

    Optional<SubsidyRequest> findBySubmittedByAndIdempotencyKey(String submittedBy, String idempotencyKey);

    List<SubsidyRequest> findByStatusOrderByReference(RequestStatus status);

    List<SubsidyRequest> findAllByOrderByReference();

    List<SubsidyRequest> findBySubmittedByOrderByReference(String submittedBy);

    // The API's list, a page at a time: the ten columns of a line read from the table, no entity loaded. Sorted by
    // reference; with a status, the index ix_request_status_reference gives both the rows and their order.

    String SUMMARY = "select new fr.subventions.submission.RequestSummary(r.reference, r.status, r.outcome, "
            + "r.applicant.name, r.title, r.theme, r.fiscalYear, r.requestedAmount, r.instruction.proposedAmount, r.grantedAmount) "
            + "from SubsidyRequest r ";

    @Query(value = SUMMARY + "order by r.reference", countQuery = "select count(r) from SubsidyRequest r")
    Page<RequestSummary> summaries(Pageable page);

    @Query(value = SUMMARY + "where r.status = :status order by r.reference",
            countQuery = "select count(r) from SubsidyRequest r where r.status = :status")
    Page<RequestSummary> summariesByStatus(RequestStatus status, Pageable page);

    @Query(value = SUMMARY + "where r.submittedBy = :submittedBy order by r.reference",
            countQuery = "select count(r) from SubsidyRequest r where r.submittedBy = :submittedBy")
    Page<RequestSummary> summariesBySubmitter(String submittedBy, Pageable page);

    @Query(value = SUMMARY + "where r.submittedBy = :submittedBy and r.status = :status order by r.reference",
            countQuery = "select count(r) from SubsidyRequest r where r.submittedBy = :submittedBy and r.status = :status")
    Page<RequestSummary> summariesBySubmitterAndStatus(String submittedBy, RequestStatus status, Pageable page);
}

package fr.subventions.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

    @Query("select m.id from OutgoingMail m where m.status = fr.subventions.mail.MailStatus.PENDING"
            + " and m.nextAttemptAt <= :now order by m.id")
    List<Long> due(@Param("now") Instant now, Pageable page);

    /** Takes a pending message for this sender: 1 if taken, 0 if another sender has it (or it is no longer pending). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update OutgoingMail m set m.status = fr.subventions.mail.MailStatus.SENDING, m.claimedAt = :now"
            + " where m.id = :id and m.status = fr.subventions.mail.MailStatus.PENDING")
    int claim(@Param("id") Long id, @Param("now") Instant now);

    /** Gives back the messages whose sender died while sending them. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update OutgoingMail m set m.status = fr.subventions.mail.MailStatus.PENDING, m.claimedAt = null"
            + " where m.status = fr.subventions.mail.MailStatus.SENDING and m.claimedAt < :before")
    int releaseStale(@Param("before") Instant before);

    boolean existsByDedupKey(String dedupKey);

    List<OutgoingMail> findByReferenceOrderById(String reference);

    @Query("select m from OutgoingMail m where (:status is null or m.status = :status)"
            + " and (:reference is null or m.reference = :reference) order by m.id desc")
    List<OutgoingMail> search(@Param("status") MailStatus status, @Param("reference") String reference, Pageable page);
}

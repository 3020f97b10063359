package fr.subventions.acts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ActRepository extends JpaRepository<Act, Long> {

    Optional<Act> findByKindAndNumber(ActKind kind, String number);

    Optional<Act> findFirstByRequestIdAndKindOrderByIdDesc(Long requestId, ActKind kind);

    Optional<Act> findByAgendaItemId(Long agendaItemId);

    List<Act> findBySessionIdOrderByNumber(Long sessionId);

    List<Act> findByPublishedAtIsNullAndSessionIdIsNotNull();

    /** The acts online, newest first: a page of /actes, filtered by year, number and words of the object. */
    @Query("""
            select a from Act a where a.publishedAt is not null
              and (:year is null or year(a.decidedOn) = :year)
              and (:number is null or upper(a.number) like concat('%', :number, '%'))
              and (:words is null or lower(a.object) like concat('%', :words, '%'))
            order by a.publishedAt desc, a.id desc""")
    List<Act> published(@Param("year") Integer year, @Param("number") String number, @Param("words") String words,
            Pageable page);
}

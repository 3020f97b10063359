package fr.subventions.convention;

import fr.subventions.submission.Outcome;
import fr.subventions.submission.SubsidyRequest;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.repository.Repository;

/** The grants already made, read from the requests' table to cumulate a beneficiary's subsidies over a fiscal year. */
interface GrantRepository extends Repository<SubsidyRequest, Long> {

    @Query("select r from SubsidyRequest r where r.fiscalYear = :fiscalYear and r.outcome = :outcome and r.id <> :excluded")
    List<SubsidyRequest> findOthers(@Param("fiscalYear") int fiscalYear, @Param("outcome") Outcome outcome,
            @Param("excluded") Long excluded);
}

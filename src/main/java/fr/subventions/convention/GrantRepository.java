package fr.subventions.convention;

import fr.subventions.submission.Outcome;
import fr.subventions.submission.SubsidyRequest;
import java.math.BigDecimal;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The grants already made, read from the requests' table to cumulate a beneficiary's subsidies over a fiscal year. */
interface GrantRepository extends Repository<SubsidyRequest, Long> {

    /**
     * The amounts granted by the other requests of the fiscal year with this outcome whose applicant has the SIRET's
     * SIREN (its first nine digits: the same legal person, any establishment) or the RNA number, summed; both columns
     * are indexed, so the cost does not grow with the number of requests of the year.
     */
    @Query("select coalesce(sum(r.grantedAmount), 0) from SubsidyRequest r where r.fiscalYear = :fiscalYear"
            + " and r.outcome = :outcome and r.id <> :excluded"
            + " and (r.applicant.siret like :siren or r.applicant.rna = :rna)")
    BigDecimal sumOthers(@Param("fiscalYear") int fiscalYear, @Param("outcome") Outcome outcome,
            @Param("excluded") Long excluded, @Param("siren") String sirenPrefix, @Param("rna") String rna);
}

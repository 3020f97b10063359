package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierBeneficiary.OtherRequest;
import fr.subventions.submission.SubsidyRequest;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * A beneficiary's requests to the authority, all years, read from the requests' table as lines of the dossier page:
 * the same legal person is the same SIREN (any of its establishments' SIRETs) or the same RNA number, as the
 * convention rules count it.
 *
 * <p>Each list is read by one indexed column compared with one value and ordered by the primary key, the order the
 * index already keeps its entries in within one value: the most recent lines come first and the database stops at the
 * page's size, however many requests the beneficiary filed. An "or" of the two columns, or a SIREN's range of SIRETs,
 * would have the database sort all of them first.
 */
interface BeneficiaryRequests extends Repository<SubsidyRequest, Long> {

    String LINE = "select new fr.subventions.backoffice.DossierBeneficiary$OtherRequest(r.id, r.reference, r.fiscalYear, "
            + "r.title, r.status, r.outcome, r.requestedAmount, r.grantedAmount) from SubsidyRequest r ";

    /** The SIRETs under which the legal person of this SIREN filed ({@code siren} ends with %). */
    @Query("select distinct r.applicant.siret from SubsidyRequest r where r.applicant.siret like :siren")
    List<String> siretsOf(@Param("siren") String sirenPrefix, Pageable page);

    @Query(LINE + "where r.applicant.siret = :siret and r.id <> :excluded order by r.id desc")
    List<OtherRequest> bySiret(@Param("siret") String siret, @Param("excluded") Long excluded, Pageable page);

    @Query(LINE + "where r.applicant.rna = :rna and r.id <> :excluded order by r.id desc")
    List<OtherRequest> byRna(@Param("rna") String rna, @Param("excluded") Long excluded, Pageable page);
}

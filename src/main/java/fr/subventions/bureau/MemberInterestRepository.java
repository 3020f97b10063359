package fr.subventions.bureau;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberInterestRepository extends JpaRepository<MemberInterest, Long> {

    List<MemberInterest> findBySiretOrRna(String siret, String rna);

    List<MemberInterest> findByMemberIdOrderBySince(Long memberId);
}

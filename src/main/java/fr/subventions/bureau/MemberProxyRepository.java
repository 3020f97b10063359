package fr.subventions.bureau;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberProxyRepository extends JpaRepository<MemberProxy, Long> {

    List<MemberProxy> findByBodyOrderByIdDesc(AssemblyBody body);

    List<MemberProxy> findByGiverIdAndHolderIdAndRevokedOnIsNullOrderByIdDesc(Long giverId, Long holderId);
}

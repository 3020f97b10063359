package fr.subventions.acts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SentPackageRepository extends JpaRepository<SentPackage, Long> {

    Optional<SentPackage> findFirstByActIdOrderByIdDesc(Long actId);

    Optional<SentPackage> findFirstByMessageNameOrderByIdDesc(String messageName);
}

package fr.subventions.convention;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConventionRepository extends JpaRepository<Convention, Long> {

    Optional<Convention> findByRequestId(Long requestId);
}

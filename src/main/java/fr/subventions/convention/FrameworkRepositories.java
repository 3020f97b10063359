package fr.subventions.convention;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FrameworkConventionRepository extends JpaRepository<FrameworkConvention, Long> {
}

interface FrameworkGrantRepository extends JpaRepository<FrameworkGrant, Long> {

    List<FrameworkGrant> findByFrameworkIdOrderByFiscalYear(Long frameworkId);

    Optional<FrameworkGrant> findByRequestId(Long requestId);
}

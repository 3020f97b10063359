package fr.subventions.budget;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {

    List<Commitment> findByRequestId(Long requestId);
}

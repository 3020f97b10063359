package fr.subventions.bureau;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConflictFlagRepository extends JpaRepository<ConflictFlag, Long> {

    List<ConflictFlag> findByAgendaItemIdOrderByIdAsc(Long agendaItemId);
}

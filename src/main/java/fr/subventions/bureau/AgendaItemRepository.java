package fr.subventions.bureau;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgendaItemRepository extends JpaRepository<AgendaItem, Long> {

    List<AgendaItem> findByRequestId(Long requestId);
}

package fr.subventions.collaboration;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InternalNoteRepository extends JpaRepository<InternalNote, Long> {

    List<InternalNote> findByRequestIdOrderById(Long requestId);
}

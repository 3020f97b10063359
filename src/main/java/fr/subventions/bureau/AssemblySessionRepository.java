package fr.subventions.bureau;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssemblySessionRepository extends JpaRepository<AssemblySession, Long> {

    List<AssemblySession> findAllByOrderBySessionDateDesc();

    List<AssemblySession> findByStatusOrderBySessionDateAsc(SessionStatus status);
}

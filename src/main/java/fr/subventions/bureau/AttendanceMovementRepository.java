package fr.subventions.bureau;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttendanceMovementRepository extends JpaRepository<AttendanceMovement, Long> {

    List<AttendanceMovement> findBySessionIdOrderByIdAsc(Long sessionId);
}

package fr.subventions.budget;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReservationRepository extends JpaRepository<Reservation, Long> {

    List<Reservation> findByRequestIdAndActiveTrue(Long requestId);

    List<Reservation> findByRequestId(Long requestId);
}

package fr.subventions.collaboration;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageReadMarkRepository extends JpaRepository<MessageReadMark, Long> {

    Optional<MessageReadMark> findByRequestIdAndUsername(Long requestId, String username);
}

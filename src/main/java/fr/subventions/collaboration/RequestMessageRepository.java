package fr.subventions.collaboration;

import java.util.List;
import org.springframework.data.repository.Repository;

/** The messages, written once and read: no update nor delete is offered. */
interface RequestMessageRepository extends Repository<RequestMessage, Long> {

    RequestMessage save(RequestMessage message);

    List<RequestMessage> findByRequestIdOrderById(Long requestId);
}

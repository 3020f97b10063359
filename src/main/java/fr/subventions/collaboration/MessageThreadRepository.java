package fr.subventions.collaboration;

import org.springframework.data.jpa.repository.JpaRepository;

interface MessageThreadRepository extends JpaRepository<MessageThread, Long> {
}
